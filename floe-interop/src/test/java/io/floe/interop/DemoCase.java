package io.floe.interop;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of demo_client.py: {@code <name> factor=<F> in=<GRID> out=<GRID|RangeError|ERROR:id>},
 * every float as the hex of its float32 bits ("nan" for NaN), a grid as {@code [[a,b],[c,d]]}.
 */
record DemoCase(String name, float factor, float[][] in, String out) {
    private static final Pattern LINE =
            Pattern.compile("(.+) factor=(\\S+) in=(\\S+) out=(\\S+)");

    DemoCase {
        requireNonNull(name, "name");
        requireNonNull(in, "in");
        requireNonNull(out, "out");
    }

    static DemoCase parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("demo_client.py line: '" + line
                    + "' (expected: <name> factor=<F> in=<GRID> out=<RESULT>)");
        }
        return new DemoCase(m.group(1), parseFloat(m.group(2)), parseGrid(m.group(3)), m.group(4));
    }

    /** The same line with another result. */
    String line(String result) {
        return name + " factor=" + hex(factor) + " in=" + gridText(in) + " out=" + result;
    }

    String line() {
        return line(out);
    }

    static String gridText(float[][] grid) {
        StringJoiner rows = new StringJoiner(",", "[", "]");
        for (float[] row : grid) {
            StringJoiner cells = new StringJoiner(",", "[", "]");
            for (float v : row) {
                cells.add(hex(v));
            }
            rows.add(cells.toString());
        }
        return rows.toString();
    }

    static String hex(float v) {
        return Float.isNaN(v) ? "nan" : String.format("%08x", Float.floatToRawIntBits(v));
    }

    private static float parseFloat(String text) {
        return text.equals("nan") ? Float.NaN : Float.intBitsToFloat(Integer.parseUnsignedInt(text, 16));
    }

    private static float[][] parseGrid(String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) {
            throw new IllegalArgumentException("grid: '" + text + "' (expected: [[...],...])");
        }
        String inner = text.substring(1, text.length() - 1);
        if (inner.isEmpty()) {
            return new float[0][];
        }
        // "[a,b],[c]" -> "a,b" and "c"
        String[] rows = inner.substring(1, inner.length() - 1).split("\\],\\[", -1);
        List<float[]> grid = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.isEmpty() ? new String[0] : row.split(",");
            float[] values = new float[cells.length];
            for (int i = 0; i < cells.length; i++) {
                values[i] = parseFloat(cells[i]);
            }
            grid.add(values);
        }
        return grid.toArray(float[][]::new);
    }
}
