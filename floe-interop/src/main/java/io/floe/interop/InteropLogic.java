package io.floe.interop;

import Interop.Base;
import Interop.Color;
import Interop.Compact;
import Interop.Derived;
import Interop.Level;
import Interop.Mixed;
import Interop.MoreDerived;
import Interop.Optionals;
import Interop.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The semantics of Interop.ice's data operations as pure functions, shared by
 * {@link TesterServant} and {@link AmdTesterServant} so that both give identical results. Each
 * follows the comment above its operation in Interop.ice; inputs are never modified.
 */
final class InteropLogic {
    private InteropLogic() {
    }

    static Color nextColor(Color c) {
        return switch (c) {
            case Red -> Color.Green;
            case Green -> Color.Blue;
            case Blue -> Color.Red;
        };
    }

    static Level nextLevel(Level lv) {
        return switch (lv) {
            case Low -> Level.Medium;
            case Medium -> Level.High;
            case High -> Level.Low;
        };
    }

    /** opMixed's p2: every field transformed. */
    static Mixed transform(Mixed m) {
        return new Mixed(!m.b, (byte) (m.by + 1), (short) (m.sh + 1), m.i + 1, m.l + 1, -m.f, -m.d,
                "<" + m.s + ">", nextColor(m.c), nextLevel(m.lv), swap(m.pt));
    }

    static Point swap(Point p) {
        return new Point(p.y, p.x);
    }

    // ---- sequences: "p1 followed by p2" and "p1 reversed", one pair per element type

    static boolean[] concat(boolean[] a, boolean[] b) {
        boolean[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static short[] concat(short[] a, short[] b) {
        short[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static int[] concat(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static long[] concat(long[] a, long[] b) {
        long[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static float[] concat(float[] a, float[] b) {
        float[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static <T> T[] concat(T[] a, T[] b) {
        T[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static boolean[] reversed(boolean[] a) {
        boolean[] r = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static byte[] reversed(byte[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static short[] reversed(short[] a) {
        short[] r = new short[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static int[] reversed(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static long[] reversed(long[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static float[] reversed(float[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static <T> T[] reversed(T[] a) {
        T[] r = a.clone();
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    /** opPointSeq's p2: p1 in its order, x and y swapped. */
    static Point[] swapped(Point[] p1) {
        Point[] r = new Point[p1.length];
        for (int i = 0; i < p1.length; i++) {
            r[i] = swap(p1[i]);
        }
        return r;
    }

    /** opIntSeqSeq's p2: p1 in its outer order, every inner sequence reversed. */
    static int[][] innerReversed(int[][] p1) {
        int[][] r = new int[p1.length][];
        for (int i = 0; i < p1.length; i++) {
            r[i] = reversed(p1[i]);
        }
        return r;
    }

    // ---- dictionaries

    /** opStringIntDict's return value: p1's entries, then p2's (p2 wins on a shared key). */
    static Map<String, Integer> union(Map<String, Integer> p1, Map<String, Integer> p2) {
        Map<String, Integer> r = new LinkedHashMap<>(p1);
        r.putAll(p2);
        return r;
    }

    /** opStringIntDict's p3: every value negated, wrapping (-(-2^31) stays -2^31). */
    static Map<String, Integer> negated(Map<String, Integer> p1) {
        Map<String, Integer> r = new LinkedHashMap<>();
        p1.forEach((k, v) -> r.put(k, -v));
        return r;
    }

    /** opPointStringDict's values: ordered by key, x then y ascending. */
    static String[] valuesByPoint(Map<Point, String> p1) {
        return p1.entrySet().stream()
                .sorted(Map.Entry.<Point, String>comparingByKey(
                        Comparator.<Point>comparingInt(p -> p.x).thenComparingInt(p -> p.y)))
                .map(Map.Entry::getValue)
                .toArray(String[]::new);
    }

    static Map<String, int[]> valuesReversed(Map<String, int[]> p1) {
        Map<String, int[]> r = new LinkedHashMap<>();
        p1.forEach((k, v) -> r.put(k, reversed(v)));
        return r;
    }

    // ---- classes

    /** describe: the walk along peer, as Interop.ice spells it. */
    static String describe(Base p1) {
        if (p1 == null) {
            return "null";
        }
        List<String> parts = new ArrayList<>();
        Map<Base, Integer> seen = new IdentityHashMap<>();
        Base o = p1;
        while (true) {
            seen.put(o, seen.size());
            parts.add(describeOne(o));
            if (!(o instanceof Derived derived)) {
                break;
            }
            Base next = derived.peer;
            if (next == null) {
                parts.add("null");
                break;
            }
            Integer k = seen.get(next);
            if (k != null) {
                parts.add("@" + k);
                break;
            }
            o = next;
        }
        return String.join(" -> ", parts);
    }

    private static String describeOne(Base o) {
        if (o instanceof MoreDerived m) {
            return "MoreDerived(" + m.name + "," + m.id + "," + m.pos.x + "," + m.pos.y + ","
                    + m.color.name() + "," + String.join("|", m.tags) + ")";
        }
        if (o instanceof Derived d) {
            return "Derived(" + d.name + "," + d.id + "," + d.pos.x + "," + d.pos.y + ")";
        }
        if (o instanceof Compact c) {
            return "Compact(" + c.name + "," + c.weight + ")";
        }
        return "Base(" + o.name + ")";
    }

    /** makeChain: o0 .. o(n-1), every third a MoreDerived, linked by peer. */
    static Derived makeChain(int n, boolean ring) {
        if (n <= 0) {
            return null;
        }
        Derived[] objects = new Derived[n];
        for (int i = 0; i < n; i++) {
            Derived o;
            if (i % 3 == 2) {
                MoreDerived m = new MoreDerived();
                m.tags = new String[] {"t" + i};
                m.color = Color.Blue;
                o = m;
            } else {
                o = new Derived();
            }
            o.name = "o" + i;
            o.id = i;
            o.pos = new Point(i, -i);
            objects[i] = o;
        }
        for (int i = 0; i < n - 1; i++) {
            objects[i].peer = objects[i + 1];
        }
        objects[n - 1].peer = ring ? objects[0] : null;
        return objects[0];
    }

    /** opBaseSeq's p2: name to element, the last element of a name winning. */
    static Map<String, Base> byName(Base[] p1) {
        Map<String, Base> r = new LinkedHashMap<>();
        for (Base e : p1) {
            if (e != null) {
                r.put(e.name, e);
            }
        }
        return r;
    }

    /** opOptionals: a copy with required + 1 and the same optional members present. */
    static Optionals copyOptionals(Optionals p1) {
        if (p1 == null) {
            return null;
        }
        Optionals r = new Optionals();
        r.required = p1.required + 1;
        p1.optionalOb().ifPresent(r::setOb);
        p1.optionalOby().ifPresent(r::setOby);
        p1.optionalOsh().ifPresent(r::setOsh);
        p1.optionalOi().ifPresent(r::setOi);
        p1.optionalOl().ifPresent(r::setOl);
        p1.optionalOfl().ifPresent(r::setOfl);
        p1.optionalOd().ifPresent(r::setOd);
        p1.optionalOstr().ifPresent(r::setOstr);
        p1.optionalOc().ifPresent(r::setOc);
        p1.optionalOpt().ifPresent(r::setOpt);
        p1.optionalOmix().ifPresent(r::setOmix);
        p1.optionalOints().ifPresent(r::setOints);
        p1.optionalOstrs().ifPresent(r::setOstrs);
        p1.optionalOdict().ifPresent(r::setOdict);
        p1.optionalOlv().ifPresent(r::setOlv);
        return r;
    }

    /** opOptionals's tags: those of the optional members present in p1, ascending. */
    static int[] presentTags(Optionals p1) {
        if (p1 == null) {
            return new int[0];
        }
        boolean[] present = {p1.hasOb(), p1.hasOby(), p1.hasOsh(), p1.hasOi(), p1.hasOl(),
                p1.hasOfl(), p1.hasOd(), p1.hasOstr(), p1.hasOc(), p1.hasOpt(), p1.hasOmix(),
                p1.hasOints(), p1.hasOstrs(), p1.hasOdict(), p1.hasOlv()};
        int[] tags = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 300};
        int[] r = new int[tags.length];
        int n = 0;
        for (int i = 0; i < tags.length; i++) {
            if (present[i]) {
                r[n++] = tags[i];
            }
        }
        return java.util.Arrays.copyOf(r, n);
    }

    // ---- large payloads

    /** makeBytes: byte i is (i * 7 + seed) & 0xFF. */
    static byte[] makeBytes(int size, int seed) {
        if (size <= 0) {
            return new byte[0];
        }
        byte[] r = new byte[size];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (i * 7 + seed);
        }
        return r;
    }

    static long crc32(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
