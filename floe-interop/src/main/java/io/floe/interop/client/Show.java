package io.floe.interop.client;

import Interop.Optionals;
import io.floe.ObjectPrx;
import io.floe.Value;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A short printable form of a value for failure messages, as client.py's {@code show}: long
 * arrays abbreviated, class instances with their type and members (a repeated instance as
 * {@code @k}), strings quoted, the whole cut at a limit.
 */
final class Show {
    private static final int LIMIT = 160;

    private final Map<Object, Integer> seen = new IdentityHashMap<>();

    private Show() {
    }

    static String show(Object value) {
        return show(value, LIMIT);
    }

    static String show(Object value, int limit) {
        StringBuilder s = new StringBuilder();
        new Show().append(s, value);
        String text = s.toString().replaceAll("\\s+", " ");
        return text.length() <= limit ? text : text.substring(0, limit) + "...";
    }

    private void append(StringBuilder s, Object v) {
        if (s.length() > 4 * LIMIT) {
            return; // enough to fill a message
        }
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            s.append('"').append(escape(str)).append('"');
        } else if (v instanceof byte[] bytes && bytes.length > 32) {
            s.append('<').append(bytes.length).append(" bytes ");
            for (int i = 0; i < 16; i++) {
                s.append(String.format("%02x", bytes[i] & 0xff));
            }
            s.append("...>");
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            s.append(n > 16 ? "[" + n + " items: " : "[");
            for (int i = 0; i < Math.min(n, n > 16 ? 8 : n); i++) {
                s.append(i == 0 ? "" : ", ");
                append(s, Array.get(v, i));
            }
            s.append(n > 16 ? ", ...]" : "]");
        } else if (v instanceof Map<?, ?> map) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            map.forEach((k, e) -> {
                StringBuilder entry = new StringBuilder();
                append(entry, k);
                entry.append(": ");
                append(entry, e);
                j.add(entry);
            });
            s.append(j);
        } else if (v instanceof Record) {
            s.append('(');
            RecordComponent[] components = v.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                s.append(i == 0 ? "" : ", ");
                try {
                    components[i].getAccessor().setAccessible(true);
                    append(s, components[i].getAccessor().invoke(v));
                } catch (ReflectiveOperationException e) {
                    s.append('?');
                }
            }
            s.append(')');
        } else if (v instanceof Value value) {
            Integer k = seen.get(value);
            if (k != null) {
                s.append('@').append(k);
                return;
            }
            seen.put(value, seen.size());
            s.append(value.ice_id()).append('(');
            appendFields(s, value);
            if (value instanceof Optionals o) {
                appendOptionals(s, o);
            }
            s.append(')');
        } else if (v instanceof ObjectPrx proxy) {
            s.append(proxy.ice_reference());
        } else if (Same.isGenerated(v.getClass()) && !v.getClass().isEnum()) {
            s.append(v.getClass().getSimpleName()).append('(');
            appendFields(s, v);
            s.append(')');
        } else {
            s.append(v);
        }
    }

    private void appendFields(StringBuilder s, Object v) {
        boolean first = true;
        for (Field f : v.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            s.append(first ? "" : ", ").append(f.getName()).append('=');
            first = false;
            try {
                append(s, f.get(v));
            } catch (IllegalAccessException e) {
                s.append('?');
            }
        }
    }

    private void appendOptionals(StringBuilder s, Optionals o) {
        Object[] members = {"ob", o.optionalOb(), "oby", o.optionalOby(), "osh", o.optionalOsh(),
                "oi", o.optionalOi(), "ol", o.optionalOl(), "ofl", o.optionalOfl(), "od", o.optionalOd(),
                "ostr", o.optionalOstr(), "oc", o.optionalOc(), "opt", o.optionalOpt(),
                "omix", o.optionalOmix(), "oints", o.optionalOints(), "ostrs", o.optionalOstrs(),
                "odict", o.optionalOdict(), "olv", o.optionalOlv()};
        for (int i = 0; i < members.length; i += 2) {
            Object present = present(members[i + 1]);
            if (present != null) {
                s.append(", ").append(members[i]).append('=');
                append(s, present);
            }
        }
    }

    private static Object present(Object optional) {
        if (optional instanceof java.util.Optional<?> x) {
            return x.orElse(null);
        }
        if (optional instanceof java.util.OptionalInt x) {
            return x.isPresent() ? x.getAsInt() : null;
        }
        if (optional instanceof java.util.OptionalLong x) {
            return x.isPresent() ? x.getAsLong() : null;
        }
        if (optional instanceof java.util.OptionalDouble x) {
            return x.isPresent() ? x.getAsDouble() : null;
        }
        return null;
    }

    private static String escape(String str) {
        StringBuilder s = new StringBuilder();
        str.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }
}
