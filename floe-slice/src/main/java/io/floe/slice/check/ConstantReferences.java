package io.floe.slice.check;

import io.floe.slice.parse.ConstDef;
import io.floe.slice.parse.ConstValue;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Constants used as initializers ({@code const int B = A;}, {@code int x = A;}): a name that
 * resolves to a constant stands for that constant's literal, checked against the type where it
 * is used, as in Slice. Enumerator names are left as they are.
 */
final class ConstantReferences {
    private final SymbolTable table;
    private final Map<ConstValue, ConstValue> literals = new IdentityHashMap<>();

    ConstantReferences(SymbolTable table) {
        this.table = table;
    }

    /** The literal {@code value} stands for, located where {@code value} is written. */
    ConstValue resolve(ConstValue value, String scope) {
        if (value.kind() != ConstValue.Kind.NAME) {
            return value;
        }
        SymbolTable.Found found = table.find(value.text(), scope);
        Symbol symbol = found == null ? null : found.symbol();
        if (symbol == null || !(symbol.definition() instanceof ConstDef constant)) {
            return value;
        }
        ConstValue target = literals.getOrDefault(constant.value(), constant.value());
        ConstValue literal = new ConstValue(target.kind(), target.text(), value.location());
        literals.put(value, literal);
        return literal;
    }

    Map<ConstValue, ConstValue> literals() {
        return literals;
    }
}
