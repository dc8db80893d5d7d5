package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoCaseTest {
    @Test
    void aLineIsParsedAndWrittenBackUnchanged() {
        String line = "ragged rows, longer second factor=3f000000 in=[[3f800000],[40000000,"
                + "c0400000]] out=RangeError";

        DemoCase c = DemoCase.parse(line);

        assertThat(c.name()).isEqualTo("ragged rows, longer second");
        assertThat(c.factor()).isEqualTo(0.5f);
        assertThat(c.in()).isDeepEqualTo(new float[][] {{1}, {2, -3}});
        assertThat(c.out()).isEqualTo("RangeError");
        assertThat(c.line()).isEqualTo(line);
    }

    @Test
    void noRowsAndOneEmptyRowAreDifferentGrids() {
        assertThat(DemoCase.parse("a factor=nan in=[] out=RangeError").in()).isEmpty();
        assertThat(DemoCase.parse("a factor=nan in=[[]] out=RangeError").in())
                .isDeepEqualTo(new float[][] {{}});
        assertThat(DemoCase.parse("a factor=nan in=[[3f800000],[]] out=RangeError").in())
                .isDeepEqualTo(new float[][] {{1}, {}});
        assertThat(DemoCase.parse("a factor=nan in=[] out=RangeError").factor()).isNaN();
    }

    @Test
    void anythingElseIsRejectedWithTheLine() {
        assertThatThrownBy(() -> DemoCase.parse("hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo_client.py line: 'hello' (expected: <name> factor=<F> in=<GRID> "
                        + "out=<RESULT>)");
    }
}
