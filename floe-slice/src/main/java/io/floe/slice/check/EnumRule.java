package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.ConstValue;
import io.floe.slice.parse.EnumDef;
import io.floe.slice.parse.Enumerator;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** Enumerators: unique names, values in 0..2^31-1 and unique, at least one. */
public final class EnumRule {
    private EnumRule() {
    }

    static void check(EnumDef enumDef, Diagnostics diagnostics) {
        if (enumDef.enumerators().isEmpty()) {
            diagnostics.error(enumDef.location(), "enum '" + enumDef.name()
                    + "' must have at least one enumerator");
            return;
        }
        Map<String, Enumerator> names = new HashMap<>();
        Map<Long, Enumerator> values = new HashMap<>();
        long next = 0;
        for (Enumerator enumerator : enumDef.enumerators()) {
            Enumerator same = names.putIfAbsent(SymbolTable.fold(enumerator.name()), enumerator);
            if (same != null && same.name().equals(enumerator.name())) {
                diagnostics.error(enumerator.location(), "redefinition of enumerator '"
                        + enumerator.name() + "'");
            } else if (same != null) {
                diagnostics.error(enumerator.location(), "enumerator '" + enumerator.name()
                        + "' differs only in capitalization from enumerator '" + same.name() + "'");
            }
            long value = next;
            if (enumerator.value() != null) {
                Long explicit = explicitValue(enumerator, diagnostics);
                if (explicit == null) {
                    next = value + 1;
                    continue;
                }
                value = explicit;
            }
            Enumerator sameValue = values.putIfAbsent(value, enumerator);
            if (sameValue != null) {
                diagnostics.error(enumerator.location(), "enumerator '" + enumerator.name()
                        + "' has the same value as enumerator '" + sameValue.name() + "': " + value);
            }
            next = value + 1;
        }
    }

    /** The values of the enumerators, in order; the enum must have passed {@link #check}. */
    public static long[] values(EnumDef enumDef) {
        long[] values = new long[enumDef.enumerators().size()];
        long next = 0;
        for (int i = 0; i < values.length; i++) {
            ConstValue explicit = enumDef.enumerators().get(i).value();
            values[i] = explicit == null ? next : ConstantRule.parseInteger(explicit.text()).longValue();
            next = values[i] + 1;
        }
        return values;
    }

    private static Long explicitValue(Enumerator enumerator, Diagnostics diagnostics) {
        ConstValue value = enumerator.value();
        BigInteger number = value.kind() == ConstValue.Kind.INTEGER
                ? ConstantRule.parseInteger(value.text()) : null;
        if (number == null) {
            diagnostics.error(value.location(), "enumerator '" + enumerator.name()
                    + "' has value " + value.text() + " (expected: an integer)");
            return null;
        }
        if (number.signum() < 0 || number.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            diagnostics.error(value.location(), "enumerator '" + enumerator.name()
                    + "' has value " + value.text() + ", out of range (expected: 0 to "
                    + Integer.MAX_VALUE + ")");
            return null;
        }
        return number.longValue();
    }
}
