package io.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class InterpolationTest {
    @Test
    void aOneByOneGridIsItsOwnMean() {
        assertThat(Interpolation.interpolate(new float[][] {{7.5f}}, 0.5f))
                .hasValueSatisfying(g -> assertThat(g).isDeepEqualTo(new float[][] {{7.5f}}));
    }

    @Test
    void eachCellMovesTowardsTheMeanOfItsExistingNeighbours() {
        // 1 has neighbours 2 (right) and 3 (down): m = 2.5, 0.5 * 1 + 0.5 * 2.5 = 1.75.
        float[][] grid = {{1, 2}, {3, 4}};

        assertThat(Interpolation.interpolate(grid, 0.5f)).hasValueSatisfying(g -> assertThat(g)
                .isDeepEqualTo(new float[][] {{1.75f, 2.25f}, {2.75f, 3.25f}}));
    }

    @Test
    void factorZeroKeepsTheGridAndFactorOneTakesTheMeans() {
        float[][] grid = {{0, 0, 0}, {0, 9, 0}};

        assertThat(Interpolation.interpolate(grid, 0f))
                .hasValueSatisfying(g -> assertThat(g).isDeepEqualTo(grid));
        assertThat(Interpolation.interpolate(grid, 1f)).hasValueSatisfying(g -> assertThat(g)
                .isDeepEqualTo(new float[][] {{0, 3, 0}, {4.5f, 0, 4.5f}}));
    }

    @Test
    void aRowOrAColumnHasOnlyTwoNeighboursInside() {
        assertThat(Interpolation.interpolate(new float[][] {{0, 3, 6}}, 1f))
                .hasValueSatisfying(g -> assertThat(g).isDeepEqualTo(new float[][] {{3, 3, 3}}));
        assertThat(Interpolation.interpolate(new float[][] {{0}, {3}, {6}}, 1f))
                .hasValueSatisfying(g -> assertThat(g)
                        .isDeepEqualTo(new float[][] {{3}, {3}, {3}}));
    }

    @Test
    void theMeanIsComputedInDoubleAndRoundedOnceToFloat() {
        // The centre's neighbours sum to 2^24 + 2 in double; in float, 2^24 + 1 is already 2^24.
        float[][] grid = {{0, 16777216f, 0}, {1, 5, 0}, {0, 1, 0}};

        assertThat(Interpolation.interpolate(grid, 1f))
                .hasValueSatisfying(g -> assertThat(g[1][1]).isEqualTo(4194304.5f));
    }

    @Test
    void theInputIsNotModified() {
        float[][] grid = {{1, 2}, {3, 4}};

        Interpolation.interpolate(grid, 1f);

        assertThat(grid).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, -0.1f, 1.1f, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, -Float.MIN_VALUE, 1.0000001f})
    void aFactorOutsideZeroToOneIsARangeError(float factor) {
        assertThat(Interpolation.interpolate(new float[][] {{1, 2}}, factor)).isEmpty();
        assertThat(Interpolation.isInRange(new float[][] {{1, 2}}, factor)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, -0f, Float.MIN_VALUE, 0.5f, 1f})
    void aFactorInZeroToOneIsAccepted(float factor) {
        assertThat(Interpolation.interpolate(new float[][] {{1, 2}}, factor)).isPresent();
    }

    @Test
    void aGridWithoutRowsAnEmptyRowOrRaggedRowsIsARangeError() {
        assertThat(Interpolation.interpolate(new float[0][], 0.5f)).isEmpty();
        assertThat(Interpolation.interpolate(null, 0.5f)).isEmpty();
        assertThat(Interpolation.interpolate(new float[][] {{}}, 0.5f)).isEmpty();
        assertThat(Interpolation.interpolate(new float[][] {{1, 2}, {}}, 0.5f)).isEmpty();
        assertThat(Interpolation.interpolate(new float[][] {{1, 2}, {3}}, 0.5f)).isEmpty();
        assertThat(Interpolation.interpolate(new float[][] {{1}, {2, 3}}, 0.5f)).isEmpty();
        assertThat(Interpolation.interpolate(new float[][] {{1, 2}, null}, 0.5f)).isEmpty();
    }
}
