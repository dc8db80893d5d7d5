package io.floe.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compares {@link Interpolation} bit for bit with {@code interpolate_grid} of the reference
 * server (../shared/interop/demo_server.py), run by /usr/bin/python3 as a subprocess.
 */
@Timeout(60)
class InterpolationReferenceTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void agreesWithTheReferenceServerOnEveryCase() throws Exception {
        List<Case> cases = cases();

        List<String> reference = runReference(cases);

        assertThat(reference).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            assertThat(ours(c)).as("case %d: factor %s, grid %s", i, c.factor,
                    GridText.format(c.grid)).isEqualTo(reference.get(i));
        }
    }

    private record Case(float[][] grid, float factor) {
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        float[][] square = {{1, 2}, {3, 4}};
        for (float factor : new float[] {Float.NaN, -0.1f, 1.1f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, -0f, 0f, 1f, 0.5f, 0.25f, Float.MIN_VALUE}) {
            cases.add(new Case(square, factor));
        }
        cases.add(new Case(new float[0][], 0.5f));
        cases.add(new Case(new float[][] {{}}, 0.5f));
        cases.add(new Case(new float[][] {{1, 2}, {}}, 0.5f));
        cases.add(new Case(new float[][] {{1, 2}, {3}}, 0.5f));
        cases.add(new Case(new float[][] {{7}}, 0.3f));
        cases.add(new Case(new float[][] {{0, 16777216f, 0}, {1, 5, 0}, {0, 1, 0}}, 1f));
        cases.add(new Case(new float[][] {{Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE}},
                0.7f));
        cases.add(new Case(new float[][] {{Float.MIN_VALUE, 0, -Float.MIN_VALUE}}, 0.5f));
        Random random = new Random(20261126);
        for (int i = 0; i < 60; i++) {
            int rows = 1 + random.nextInt(i < 30 ? 4 : 40);
            int columns = 1 + random.nextInt(i < 30 ? 4 : 40);
            float[][] grid = new float[rows][columns];
            for (float[] row : grid) {
                for (int c = 0; c < columns; c++) {
                    row[c] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
                }
            }
            cases.add(new Case(grid, random.nextFloat()));
        }
        return cases;
    }

    private static String ours(Case c) {
        return Interpolation.interpolate(c.grid, c.factor)
                .map(InterpolationReferenceTest::canonical).orElse("RangeError");
    }

    private static String canonical(float[][] grid) {
        StringJoiner rows = new StringJoiner(";");
        for (float[] row : grid) {
            StringJoiner cells = new StringJoiner(",");
            for (float v : row) {
                cells.add(hex(v));
            }
            rows.add(cells.toString());
        }
        return rows.toString();
    }

    private static String hex(float v) {
        return Float.isNaN(v) ? "nan" : String.format("%08x", Float.floatToRawIntBits(v));
    }

    private static String json(Case c) {
        StringJoiner rows = new StringJoiner(",", "[", "]");
        for (float[] row : c.grid) {
            StringJoiner cells = new StringJoiner(",", "[", "]");
            for (float v : row) {
                cells.add('"' + hex(v) + '"');
            }
            rows.add(cells.toString());
        }
        return "{\"factor\":\"" + String.format("%08x", Float.floatToRawIntBits(c.factor))
                + "\",\"grid\":" + rows + "}";
    }

    private static List<String> runReference(List<Case> cases) throws Exception {
        Path server = SharedFolder.locate().resolve("interop/demo_server.py");
        Path script = SharedFolder.repositoryRoot()
                .resolve("floe-demo/src/test/python/reference_interpolation.py");
        assertThat(PYTHON).as("the reference needs %s", PYTHON).isExecutable();
        Process python = new ProcessBuilder(PYTHON.toString(), script.toString(), server.toString())
                .start();
        try {
            CompletableFuture<String> stdout = readAsync(python.getInputStream());
            CompletableFuture<String> stderr = readAsync(python.getErrorStream());
            try (var in = python.getOutputStream()) {
                for (Case c : cases) {
                    in.write((json(c) + "\n").getBytes(UTF_8));
                }
            }
            assertThat(python.waitFor(30, TimeUnit.SECONDS)).as("python finished").isTrue();
            assertThat(python.exitValue()).as("python exit status; stderr: %s",
                    stderr.get(5, TimeUnit.SECONDS)).isZero();
            return stdout.get(5, TimeUnit.SECONDS).lines().toList();
        } finally {
            python.destroyForcibly();
        }
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
