package io.floe.interop.client;

import Interop.Base;
import Interop.Color;
import Interop.Compact;
import Interop.Derived;
import Interop.Level;
import Interop.Mixed;
import Interop.MoreDerived;
import Interop.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's inputs and its own computation of the expected answers. Deliberately written
 * apart from the server's InteropLogic, from Interop.ice's comments, so that the two cannot
 * share a mistake.
 */
final class Fixtures {
    static final Color[] COLORS = {Color.Red, Color.Green, Color.Blue};
    static final Level[] LEVELS = {Level.Low, Level.Medium, Level.High};
    static final int MIB = 1024 * 1024;

    private Fixtures() {
    }

    static Color nextColor(Color c) {
        return COLORS[(List.of(COLORS).indexOf(c) + 1) % 3];
    }

    static Level nextLevel(Level lv) {
        return LEVELS[(List.of(LEVELS).indexOf(lv) + 1) % 3];
    }

    static Mixed sampleMixed(int seed) {
        return new Mixed(seed % 2 == 0, (byte) (0x7E + seed), (short) (1000 + seed), -123456 + seed,
                9876543210123L + seed, 1.25f + seed, -2.5e-3 * (seed + 1), "mixed-" + seed + "-\u00e9t\u00e9",
                COLORS[seed % 3], LEVELS[seed % 3], new Point(seed, -seed * 2));
    }

    static Mixed transformedMixed(Mixed m) {
        return new Mixed(!m.b, (byte) (m.by + 1), (short) (m.sh + 1), m.i + 1, m.l + 1, -m.f, -m.d,
                "<" + m.s + ">", nextColor(m.c), nextLevel(m.lv), new Point(m.pt.y, m.pt.x));
    }

    static byte[] expectedBytes(int size, int seed) {
        byte[] r = new byte[Math.max(size, 0)];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) ((i * 7 + seed) & 0xFF);
        }
        return r;
    }

    // ---- classes

    static Base base(String name) {
        Base b = new Base();
        b.name = name;
        return b;
    }

    static Compact compact(String name, int weight) {
        Compact c = new Compact();
        c.name = name;
        c.weight = weight;
        return c;
    }

    static Derived derived(String name, long id, Point pos, Base peer) {
        Derived d = new Derived();
        fill(d, name, id, pos, peer);
        return d;
    }

    static MoreDerived moreDerived(String name, long id, Point pos, Base peer, String[] tags, Color color) {
        MoreDerived m = new MoreDerived();
        fill(m, name, id, pos, peer);
        m.tags = tags;
        m.color = color;
        return m;
    }

    private static void fill(Derived d, String name, long id, Point pos, Base peer) {
        d.name = name;
        d.id = id;
        d.pos = pos;
        d.peer = peer;
    }

    /** describe()'s string, computed here: follow peer, stop at a Base, a Compact, null or a repeat. */
    static String describeExpected(Base p1) {
        if (p1 == null) {
            return "null";
        }
        List<Base> seen = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        Base o = p1;
        while (true) {
            seen.add(o);
            if (o instanceof MoreDerived m) {
                parts.add(String.format("MoreDerived(%s,%d,%d,%d,%s,%s)", m.name, m.id, m.pos.x, m.pos.y,
                        m.color, String.join("|", m.tags)));
            } else if (o instanceof Derived d) {
                parts.add(String.format("Derived(%s,%d,%d,%d)", d.name, d.id, d.pos.x, d.pos.y));
            } else if (o instanceof Compact c) {
                parts.add(String.format("Compact(%s,%d)", c.name, c.weight));
            } else {
                parts.add("Base(" + o.name + ")");
            }
            if (!(o instanceof Derived d)) {
                break;
            }
            if (d.peer == null) {
                parts.add("null");
                break;
            }
            int k = indexOfInstance(seen, d.peer);
            if (k >= 0) {
                parts.add("@" + k);
                break;
            }
            o = d.peer;
        }
        return String.join(" -> ", parts);
    }

    static int indexOfInstance(List<?> list, Object instance) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == instance) {
                return i;
            }
        }
        return -1;
    }

    static Derived chainExpected(int n, boolean ring) {
        List<Derived> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point pos = new Point(i, -i);
            objects.add(i % 3 == 2
                    ? moreDerived("o" + i, i, pos, null, new String[] {"t" + i}, Color.Blue)
                    : derived("o" + i, i, pos, null));
        }
        for (int i = 0; i < n - 1; i++) {
            objects.get(i).peer = objects.get(i + 1);
        }
        if (objects.isEmpty()) {
            return null;
        }
        objects.get(n - 1).peer = ring ? objects.get(0) : null;
        return objects.get(0);
    }
}
