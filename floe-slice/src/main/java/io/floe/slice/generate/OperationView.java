package io.floe.slice.generate;

import io.floe.slice.check.CheckedUnit;
import io.floe.slice.check.Symbol;
import io.floe.slice.check.Type;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Operation;
import io.floe.slice.parse.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** What the generators need to know about one operation of an interface. */
final class OperationView {
    /** A parameter or output as Java sees it; tag is -1 unless it is optional. */
    record Value(String name, Type type, int tag) {
        boolean optional() {
            return tag >= 0;
        }
    }

    private static final Comparator<Value> BY_TAG = Comparator.comparingInt(Value::tag);

    private final Operation op;
    private final InterfaceDef owner;
    private final Symbol ownerSymbol;
    private final CheckedUnit checked;

    OperationView(Operation op, InterfaceDef owner, Symbol ownerSymbol, CheckedUnit checked) {
        this.op = op;
        this.owner = owner;
        this.ownerSymbol = ownerSymbol;
        this.checked = checked;
    }

    Operation operation() {
        return op;
    }

    Symbol owner() {
        return ownerSymbol;
    }

    /** The Slice name, as sent on the wire. */
    String sliceName() {
        return op.name();
    }

    String javaName() {
        return Names.member(op.name());
    }

    /** {@code ["amd"]} on the operation or its interface. */
    boolean isAmd() {
        return op.hasMetadata("amd") || owner.hasMetadata("amd");
    }

    /** The OperationMode constant's name. */
    String mode() {
        if (!op.idempotent()) {
            return "NORMAL";
        }
        return op.hasMetadata("nonmutating") ? "NONMUTATING" : "IDEMPOTENT";
    }

    /** SLICED or COMPACT from {@code ["format:..."]}, the operation's first; null otherwise. */
    String format() {
        String format = format(op.metadata().stream().map(m -> m.text()).toList());
        return format != null ? format
                : format(owner.metadata().stream().map(m -> m.text()).toList());
    }

    private static String format(List<String> metadata) {
        for (String text : metadata) {
            if (text.equals("format:sliced")) {
                return "SLICED";
            }
            if (text.equals("format:compact")) {
                return "COMPACT";
            }
        }
        return null;
    }

    /** The in parameters in declaration order: the order of Java parameters. */
    List<Value> inputs() {
        return values(op.inParameters());
    }

    /** The in parameters in wire order: required ones as declared, then optional ones by tag. */
    List<Value> wireInputs() {
        return wireOrder(inputs());
    }

    /**
     * The outputs in wire order (ice-protocol.md §3.16): required out parameters in declaration
     * order, the required return value, then the optional ones (return value included) by tag.
     */
    List<Value> outputs() {
        List<Value> outputs = new ArrayList<>(values(op.outParameters()));
        if (op.returnType() != null) {
            outputs.add(returnValue());
        }
        return wireOrder(outputs);
    }

    /** The return value first, then the out parameters: the order of results in Java. */
    List<Value> resultComponents() {
        List<Value> components = new ArrayList<>();
        if (op.returnType() != null) {
            components.add(returnValue());
        }
        components.addAll(values(op.outParameters()));
        return components;
    }

    private Value returnValue() {
        return new Value("returnValue", checked.type(op.returnType()), op.returnTag());
    }

    private static List<Value> wireOrder(List<Value> values) {
        List<Value> ordered = new ArrayList<>(values.stream().filter(v -> !v.optional()).toList());
        values.stream().filter(Value::optional).sorted(BY_TAG).forEach(ordered::add);
        return ordered;
    }

    /** {@code op} gives {@code OpResult}: the record of several outputs. */
    String resultRecord() {
        return Names.capitalize(op.name()) + "Result";
    }

    /** The exceptions of the throws clause, in declaration order. */
    List<Symbol> throwsList() {
        return op.throwsList().stream().map(checked::symbol).distinct().toList();
    }

    /** The throws list without the exceptions that derive from another one listed. */
    List<Symbol> catchableThrows() {
        List<Symbol> all = throwsList();
        return all.stream().filter(e -> all.stream()
                .noneMatch(other -> other != e && checked.derivesFrom(e, other))).toList();
    }

    /**
     * What the synchronous call returns: void, the one output's type, or the result record,
     * written {@code recordPrefix + "OpResult"}.
     */
    String resultType(TypeMapper types, JavaWriter w, String recordPrefix) {
        List<Value> outputs = outputs();
        if (outputs.isEmpty()) {
            return "void";
        }
        return outputs.size() == 1 ? javaType(outputs.get(0), types, w)
                : recordPrefix + resultRecord();
    }

    /** The Java type of a parameter or output: an Optional type when it is optional. */
    static String javaType(Value value, TypeMapper types, JavaWriter w) {
        return value.optional() ? types.optionalType(value.type(), w) : types.javaType(value.type(), w);
    }

    /** {@link #resultType} as a type argument. */
    String boxedResultType(TypeMapper types, JavaWriter w, String recordPrefix) {
        List<Value> outputs = outputs();
        if (outputs.isEmpty()) {
            return "Void";
        }
        if (outputs.size() > 1) {
            return recordPrefix + resultRecord();
        }
        Value output = outputs.get(0);
        return output.optional() ? types.optionalType(output.type(), w) : types.boxed(output.type(), w);
    }

    /** {@code throws A, B}, or empty. */
    String throwsClause(TypeMapper types, JavaWriter w) {
        List<Symbol> thrown = throwsList();
        if (thrown.isEmpty()) {
            return "";
        }
        return "throws " + thrown.stream().map(e -> w.use(types.qualified(e)))
                .collect(Collectors.joining(", "));
    }

    String parameterList(List<Value> values, TypeMapper types, JavaWriter w) {
        return values.stream().map(v -> javaType(v, types, w) + " " + v.name())
                .collect(Collectors.joining(", "));
    }

    static String names(List<Value> values) {
        return values.stream().map(Value::name).collect(Collectors.joining(", "));
    }

    private List<Value> values(List<Parameter> parameters) {
        return parameters.stream()
                .map(p -> new Value(Names.parameter(p.name()), checked.type(p.type()), p.tag()))
                .toList();
    }
}
