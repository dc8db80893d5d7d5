package io.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import Demo.ModelPrx;
import Demo.RangeError;
import io.floe.Communicator;
import io.floe.Properties;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DemoServerTest {
    private DemoServer server;
    private Communicator client;
    private ModelPrx model;

    @BeforeEach
    void start() {
        server = DemoServer.start(new Properties()
                .set("Model.Endpoints", "tcp -h 127.0.0.1 -p 0")
                .set("Ice.ThreadPool.Server.Size", "1")
                .set("Demo.Workers", "8")
                .set("Demo.WorkMillis", "50"));
        client = Communicator.initialize(new Properties());
        model = ModelPrx.checkedCast(client.stringToProxy(server.proxy()));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.destroy();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theEndpointHasTheActualPort() {
        assertThat(server.endpoint()).startsWith("tcp -h 127.0.0.1 -p ").doesNotContain("-p 0 ");
        assertThat(server.proxy()).isEqualTo("model:" + server.endpoint());
    }

    @Test
    void interpolateAnswersAsDemoIceSays() throws RangeError {
        float[][] grid = {{1, 2}, {3, 4}};

        assertThat(model.interpolate(grid, 0.5f))
                .isDeepEqualTo(Interpolation.interpolate(grid, 0.5f).orElseThrow());
    }

    @Test
    void twoHundredRequestsOfFiftyMillisecondsOnOneDispatchThreadOverlap() {
        LoadReport report = new DemoClient(model, new PrintStream(new ByteArrayOutputStream()))
                .fireConcurrent(200);

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        // Serially: 200 x 50 ms = 10 s. Eight workers need ~1.25 s; one dispatch thread suffices.
        assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(server.model().dispatchThreads()).hasSize(1);
        assertThat(server.queue().peakQueued()).isGreaterThan(8);
    }

    @Test
    void theClientShowsEveryCaseAndSucceeds() {
        var output = new ByteArrayOutputStream();

        boolean ok = new DemoClient(model, new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(20);

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(text).isTrue();
        assertThat(text).contains("interpolate([[1.0, 2.0], [3.0, 4.0]], NaN) -> RangeError")
                .contains("interpolate([], 0.5) -> RangeError")
                .contains("20 request(s): 20 answered correctly, 0 failed")
                .doesNotContain("UNEXPECTED");
    }

    @Test
    void theDemoRunsEndToEnd() {
        var output = new ByteArrayOutputStream();

        boolean ok = DemoMain.run(Properties.fromArgs("--Demo.Requests=40"),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(ok).as(output.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(output.toString(StandardCharsets.UTF_8)).endsWith("demo: ok\n");
    }
}
