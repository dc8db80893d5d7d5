package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.demo.Interpolation;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** demo_client.py against the reference server: the answers our server must give. */
@Timeout(120)
class ReferenceDemoServerTest {
    private static final List<String> RANGE_ERROR_CASES = List.of("factor NaN", "factor -0.1",
            "factor 1.1", "factor +inf", "factor -inf", "no rows", "one empty row", "an empty row",
            "ragged rows", "ragged rows, longer second");

    private static PeerProcess reference;
    private static PythonDemoClient.Run run;

    @BeforeAll
    static void runThePythonClientAgainstTheReferenceServer() throws Exception {
        reference = Repository.startReferenceDemoServer();
        run = PythonDemoClient.against(reference.endpoint());
    }

    @AfterAll
    static void stopTheReferenceServer() {
        if (reference != null) {
            reference.close();
        }
    }

    @Test
    void everyCaseIsAnsweredWithAGridOfItsShapeOrRangeError() {
        assertThat(run.exitStatus()).as(run.stderr()).isZero();
        List<DemoCase> cases = run.cases();
        assertThat(cases).extracting(DemoCase::name).startsWith("1x1", "1x5", "5x1")
                .contains("varied 50x60 factor 0.5").containsAll(RANGE_ERROR_CASES);
        for (DemoCase c : cases) {
            if (RANGE_ERROR_CASES.contains(c.name())) {
                assertThat(c.out()).as(c.name()).isEqualTo("RangeError");
            } else {
                assertThat(c.out()).as(c.name()).startsWith("[[")
                        .hasSize(DemoCase.gridText(c.in()).length());
            }
        }
    }

    @Test
    void ourInterpolationGivesTheReferenceServersAnswersBitForBit() {
        for (DemoCase c : run.cases()) {
            String ours = Interpolation.interpolate(c.in(), c.factor())
                    .map(DemoCase::gridText).orElse("RangeError");

            assertThat(c.line(ours)).isEqualTo(c.line());
        }
    }
}
