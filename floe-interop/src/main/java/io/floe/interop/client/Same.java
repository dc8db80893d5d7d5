package io.floe.interop.client;

import Interop.Optionals;
import io.floe.ObjectPrx;
import io.floe.Value;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Deep equality for the values of the generated mapping, as client.py's {@code same}: floats
 * bit for bit (NaN equals NaN, -0.0 differs from 0.0), arrays element by element, records
 * (operation results) and structs field by field, and class instances as graphs: the same
 * most-derived types, members, null references, shared references and cycles. Proxies compare
 * by their printed form.
 */
final class Same {
    // Instances matched so far, both ways, so that sharing and cycles must match too.
    private final Map<Object, Object> aToB = new IdentityHashMap<>();
    private final Map<Object, Object> bToA = new IdentityHashMap<>();

    private Same() {
    }

    static boolean same(Object a, Object b) {
        return new Same().compare(a, b);
    }

    private boolean compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return Float.floatToIntBits(x) == Float.floatToIntBits(y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
        }
        if (a instanceof Value x && b instanceof Value y) {
            return compareValues(x, y);
        }
        if (a instanceof ObjectPrx x && b instanceof ObjectPrx y) {
            return x.ice_reference().toString().equals(y.ice_reference().toString());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.size() == y.size() && x.entrySet().stream().allMatch(
                    e -> y.containsKey(e.getKey()) && compare(e.getValue(), y.get(e.getKey())));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return compare(x.toArray(), y.toArray());
        }
        if (a instanceof Record && b instanceof Record) {
            return compareComponents(a, b); // Tester's and AmdTester's results compare alike
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(a);
            if (n != java.lang.reflect.Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!compare(java.lang.reflect.Array.get(a, i), java.lang.reflect.Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Optional<?> x) {
            Optional<?> y = (Optional<?>) b;
            return x.isPresent() == y.isPresent() && (x.isEmpty() || compare(x.get(), y.get()));
        }
        if (a instanceof OptionalInt || a instanceof OptionalLong) {
            return a.equals(b);
        }
        if (a instanceof OptionalDouble x) {
            OptionalDouble y = (OptionalDouble) b;
            return x.isPresent() == y.isPresent()
                    && (x.isEmpty() || compare(x.getAsDouble(), y.getAsDouble()));
        }
        if (isGenerated(a.getClass()) && !a.getClass().isEnum()) {
            return compareFields(a, b); // a struct
        }
        return a.equals(b);
    }

    private boolean compareComponents(Object a, Object b) {
        RecordComponent[] ca = a.getClass().getRecordComponents();
        RecordComponent[] cb = b.getClass().getRecordComponents();
        if (ca.length != cb.length) {
            return false;
        }
        for (int i = 0; i < ca.length; i++) {
            if (!compare(read(ca[i], a), read(cb[i], b))) {
                return false;
            }
        }
        return true;
    }

    private boolean compareValues(Value a, Value b) {
        if (aToB.containsKey(a) || bToA.containsKey(b)) {
            return aToB.get(a) == b && bToA.get(b) == a;
        }
        if (a.getClass() != b.getClass() || !a.ice_id().equals(b.ice_id())) {
            return false;
        }
        aToB.put(a, b);
        bToA.put(b, a);
        if (a instanceof Optionals x && !compareOptionalMembers(x, (Optionals) b)) {
            return false;
        }
        return compareFields(a, b);
    }

    // Optional data members are private fields behind optionalX(); compare what those return.
    private boolean compareOptionalMembers(Optionals a, Optionals b) {
        return compare(a.optionalOb(), b.optionalOb()) && compare(a.optionalOby(), b.optionalOby())
                && compare(a.optionalOsh(), b.optionalOsh()) && compare(a.optionalOi(), b.optionalOi())
                && compare(a.optionalOl(), b.optionalOl()) && compare(a.optionalOfl(), b.optionalOfl())
                && compare(a.optionalOd(), b.optionalOd()) && compare(a.optionalOstr(), b.optionalOstr())
                && compare(a.optionalOc(), b.optionalOc()) && compare(a.optionalOpt(), b.optionalOpt())
                && compare(a.optionalOmix(), b.optionalOmix())
                && compare(a.optionalOints(), b.optionalOints())
                && compare(a.optionalOstrs(), b.optionalOstrs())
                && compare(a.optionalOdict(), b.optionalOdict())
                && compare(a.optionalOlv(), b.optionalOlv());
    }

    /** Every public instance field, inherited ones included: the Slice data members. */
    private boolean compareFields(Object a, Object b) {
        for (Field f : a.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                if (!compare(f.get(a), f.get(b))) {
                    return false;
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f, e);
            }
        }
        return true;
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    /** Types generated from Slice live in packages named after Slice modules (Interop, InteropClient). */
    static boolean isGenerated(Class<?> type) {
        String name = type.getName();
        return name.startsWith("Interop.") || name.contains(".InteropClient.");
    }
}
