package io.floe.demo;

import java.util.StringJoiner;

/** Grids as people read them: {@code [[1.0, 2.0], [3.0, 4.0]]}, with Java's shortest float text. */
final class GridText {
    private GridText() {
    }

    static String format(float[][] grid) {
        if (grid == null) {
            return "null";
        }
        StringJoiner rows = new StringJoiner(", ", "[", "]");
        for (float[] row : grid) {
            StringJoiner cells = new StringJoiner(", ", "[", "]");
            if (row != null) {
                for (float cell : row) {
                    cells.add(Float.toString(cell));
                }
            }
            rows.add(cells.toString());
        }
        return rows.toString();
    }
}
