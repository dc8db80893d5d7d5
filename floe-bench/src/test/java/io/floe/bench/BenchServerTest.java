package io.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import Bench.ServicePrx;
import io.floe.Communicator;
import io.floe.Properties;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bench server on 127.0.0.1 with one dispatch thread, called by a Floe client. */
@Timeout(60)
class BenchServerTest {
    private BenchServer server;
    private Communicator client;
    private ServicePrx bench;

    @BeforeEach
    void start() {
        server = BenchServer.start(new Properties()
                .set("Bench.Endpoints", "tcp -h 127.0.0.1 -p 0")
                .set("Ice.ThreadPool.Server.Size", "1"));
        client = Communicator.initialize(new Properties());
        bench = ServicePrx.checkedCast(client.stringToProxy(server.proxy()));
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
    void theEndpointHasTheActualPortAndTheIdentityIsBench() {
        assertThat(server.endpoint()).startsWith("tcp -h 127.0.0.1 -p ").doesNotContain("-p 0 ");
        assertThat(server.proxy()).isEqualTo("bench:" + server.endpoint());
        assertThat(bench).isNotNull();
    }

    @Test
    void echoReturnsItsInputAndUploadAndPingAnswer() {
        byte[] data = new byte[256 * 1024];
        new Random(42).nextBytes(data);

        assertThat(bench.echo(data)).isEqualTo(data);
        assertThat(bench.echo(new byte[0])).isEmpty();
        bench.upload(data);
        bench.ping();
    }

    @Test
    void twoHundredConcurrentDelaysOnOneDispatchThreadAllAnswerNoSoonerThanAsked() {
        long sent = System.nanoTime();
        List<CompletableFuture<Long>> replies = IntStream.range(0, 200)
                .mapToObj(i -> bench.delayAsync(200).thenApply(v -> System.nanoTime()))
                .toList();

        assertThat(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)))
                .succeedsWithin(Duration.ofSeconds(30));
        long earliest = replies.stream().mapToLong(CompletableFuture::join).min().orElseThrow();
        assertThat(Duration.ofNanos(earliest - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void pendingDelaysDoNotHoldTheOnlyDispatchThread() {
        List<CompletableFuture<Void>> delays = IntStream.range(0, 200)
                .<CompletableFuture<Void>>mapToObj(i -> bench.delayAsync(5_000))
                .toList();

        // One connection and one dispatch thread dispatch in order: once ping answers, every
        // delay's dispatch has returned, and the thread served ping while all 200 still wait.
        bench.ping();

        assertThat(delays).noneMatch(CompletableFuture::isDone);
        assertThat(server.service().pendingDelays()).isEqualTo(200);
        assertThat(CompletableFuture.allOf(delays.toArray(CompletableFuture[]::new)))
                .succeedsWithin(Duration.ofSeconds(30));
        assertThat(server.service().pendingDelays()).isZero();
    }

    @Test
    void blockAnswersAfterHoldingTheDispatchThread() {
        long sent = System.nanoTime();

        bench.block(100);

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aStopWhileDelaysArePendingStillAnswersThem() {
        List<CompletableFuture<Void>> delays = IntStream.range(0, 50)
                .<CompletableFuture<Void>>mapToObj(i -> bench.delayAsync(300))
                .toList();
        bench.ping(); // every delay is scheduled

        server.close();

        assertThat(CompletableFuture.allOf(delays.toArray(CompletableFuture[]::new)))
                .succeedsWithin(Duration.ofSeconds(30));
    }

    @Test
    void theShutdownOperationStopsTheServer() {
        bench.shutdown();

        server.waitForShutdown(); // bounded by the class timeout
        assertThat(server.service().pendingDelays()).isZero();
    }

    @Test
    void amiClientHoldsEveryCallOutstandingAtOnceAndMeasuresThem() throws Exception {
        AmiMemory measured = AmiClient.measure(bench, 3_000, 2_000);

        assertThat(measured.calls()).isEqualTo(3_000);
        assertThat(measured.answeredEarly()).isZero();
        assertThat(measured.failed()).isZero();
        assertThat(measured.wallSeconds()).isGreaterThanOrEqualTo(2.0);
        assertThat(measured.heapOutstanding()).isGreaterThan(measured.heapBefore());
        assertThat(measured.toJson("floe")).startsWith("{\"client\":\"floe\",\"calls\":3000,\"ms\":2000,")
                .contains("\"failed\":0,").endsWith("}");
    }
}
