package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;

import Demo.ModelPrx;
import Demo.RangeError;
import io.floe.Communicator;
import io.floe.LocalException;
import io.floe.Properties;
import io.floe.demo.DemoClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our client side (the generated ModelPrx on floe-runtime) against the reference server and
 * against our server: it must read the same answers demo_client.py reads from the reference.
 */
@Timeout(180)
class JavaClientInteropTest {
    private static PeerProcess reference;
    private static PeerProcess ours;
    private static Communicator communicator;
    private static List<DemoCase> expected;

    @BeforeAll
    static void start() throws Exception {
        reference = Repository.startReferenceDemoServer();
        ours = Repository.startFloeDemoServer();
        communicator = Communicator.initialize(new Properties());
        PythonDemoClient.Run run = PythonDemoClient.against(reference.endpoint());
        assertThat(run.exitStatus()).as(run.stderr()).isZero();
        expected = run.cases();
    }

    @AfterAll
    static void stop() {
        if (communicator != null) {
            communicator.destroy();
        }
        if (ours != null) {
            ours.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    @Test
    void ourClientReadsTheReferenceServersAnswersAsThePythonClientDoes() {
        assertThat(linesFrom(reference)).containsExactlyElementsOf(lines(expected));
    }

    @Test
    void ourClientReadsTheSameAnswersFromOurServer() {
        assertThat(linesFrom(ours)).containsExactlyElementsOf(lines(expected));
    }

    @Test
    void theDemoClientSucceedsAgainstTheReferenceServer() {
        var output = new ByteArrayOutputStream();
        ModelPrx model = ModelPrx.checkedCast(communicator.stringToProxy(reference.proxy("model")));

        boolean ok = new DemoClient(model, new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(50);

        assertThat(ok).as(output.toString(StandardCharsets.UTF_8)).isTrue();
    }

    private static List<String> linesFrom(PeerProcess server) {
        ModelPrx model = ModelPrx.uncheckedCast(communicator.stringToProxy(server.proxy("model")));
        List<String> lines = new ArrayList<>();
        for (DemoCase c : expected) {
            lines.add(c.line(call(model, c)));
        }
        return lines;
    }

    private static String call(ModelPrx model, DemoCase c) {
        try {
            return DemoCase.gridText(model.interpolateAsync(c.in(), c.factor()).get(30, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RangeError) {
                return "RangeError";
            }
            if (e.getCause() instanceof LocalException local) {
                return "ERROR:" + local.ice_id();
            }
            return "ERROR:" + e.getCause();
        } catch (Exception e) {
            return "ERROR:" + e;
        }
    }

    private static List<String> lines(List<DemoCase> cases) {
        return cases.stream().map(DemoCase::line).toList();
    }
}
