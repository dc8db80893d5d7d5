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

    /** The shape, such as {@code 50x60}, or {@code 2 ragged rows}. */
    static String shape(float[][] grid) {
        if (grid.length == 0) {
            return "0 rows";
        }
        int width = grid[0].length;
        for (float[] row : grid) {
            if (row.length != width) {
                return grid.length + " ragged rows";
            }
        }
        return grid.length + "x" + width;
    }
}
