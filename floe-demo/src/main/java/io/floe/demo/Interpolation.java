package io.floe.demo;

import java.util.Optional;

/**
 * The computation behind {@code Demo::Model::interpolate}, exactly as Demo.ice's comment fixes
 * it: each cell becomes {@code (1 - factor) * v + factor * m}, where {@code m} is the mean of the
 * cell's existing up, down, left and right neighbours ({@code m = v} for a 1x1 grid), computed
 * in double and returned as float. Neighbours are summed in the order up, down, left, right, as
 * the reference server does, so that results agree bit for bit. Pure and thread-safe.
 */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * The interpolated grid, of the same shape as {@code data}; empty when the arguments are out
     * of range (Slice's {@code RangeError}): factor NaN or outside [0, 1], no rows, an empty row,
     * or rows of different lengths. {@code data} is not modified.
     */
    public static Optional<float[][]> interpolate(float[][] data, float factor) {
        if (!isInRange(data, factor)) {
            return Optional.empty();
        }
        int height = data.length;
        int width = data[0].length;
        double f = factor;
        float[][] result = new float[height][width];
        for (int r = 0; r < height; r++) {
            float[] row = data[r];
            float[] up = r > 0 ? data[r - 1] : null;
            float[] down = r + 1 < height ? data[r + 1] : null;
            for (int c = 0; c < width; c++) {
                double v = row[c];
                double total = 0.0;
                int count = 0;
                if (up != null) {
                    total += up[c];
                    count++;
                }
                if (down != null) {
                    total += down[c];
                    count++;
                }
                if (c > 0) {
                    total += row[c - 1];
                    count++;
                }
                if (c + 1 < width) {
                    total += row[c + 1];
                    count++;
                }
                double m = count == 0 ? v : total / count;
                result[r][c] = (float) ((1.0 - f) * v + f * m);
            }
        }
        return Optional.of(result);
    }

    /** False exactly when {@link #interpolate} answers RangeError. */
    public static boolean isInRange(float[][] data, float factor) {
        if (Float.isNaN(factor) || factor < 0.0f || factor > 1.0f) {
            return false;
        }
        if (data == null || data.length == 0) {
            return false;
        }
        int width = data[0] == null ? 0 : data[0].length;
        if (width == 0) {
            return false;
        }
        for (float[] row : data) {
            if (row == null || row.length != width) {
                return false;
            }
        }
        return true;
    }
}
