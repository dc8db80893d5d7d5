package io.floe.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.encoding.InputStream;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.MessageType;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each client path benchmark once, outside JMH: a proxy call must really write its Request on
 * the harness's connection and complete with the reply fed back.
 */
@Timeout(30)
class ClientPathBenchmarkTest {
    private final ClientPathBenchmark bench = new ClientPathBenchmark();

    @BeforeEach
    void setUp() {
        bench.setUp();
    }

    @AfterEach
    void tearDown() throws Exception {
        bench.tearDown();
    }

    @Test
    void aPingIsWrittenAsARequestWithAFreshIdAndCompletesWithItsReply() {
        CompletableFuture<Void> call = bench.proxy.pingAsync();
        ByteBuf request = bench.takeRequest();
        try {
            assertThat(WireMessages.type(request)).isEqualTo(MessageType.REQUEST);
            assertThat(request.getIntLE(10)).isEqualTo(request.readableBytes());
            MessageHeader.read(request.duplicate());
            InputStream in = new InputStream(request.duplicate().skipBytes(MessageHeader.SIZE));
            int requestId = in.readInt();
            RequestHeader header = RequestHeader.read(requestId, in);
            assertThat(requestId).isEqualTo(1);
            assertThat(header.identity().name()).isEqualTo("bench");
            assertThat(header.operation()).isEqualTo("ping");
            assertThat(call).isNotDone();

            bench.reply(request);
        } finally {
            request.release();
        }
        assertThat(call).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void everyBenchmarkAnswersItsCallsSoTheIdsGoOn() throws Exception {
        assertThat(bench.pingWritten()).isGreaterThan(MessageHeader.SIZE);
        assertThat(bench.echoWritten()).isGreaterThan(1024);
        assertThat(bench.pingRoundTrip()).isNull();
        assertThat(bench.echoRoundTrip()).isEqualTo(bench.kibibyte);
        for (int i = 0; i < 3 * ClientPathBenchmark.WINDOW; i++) {
            bench.pingWritten();
        }

        CompletableFuture<Void> call = bench.proxy.pingAsync();
        ByteBuf request = bench.takeRequest();
        try {
            assertThat(WireMessages.requestId(request)).isEqualTo(5 + 3 * ClientPathBenchmark.WINDOW);
            bench.reply(request);
        } finally {
            request.release();
        }
        assertThat(call).succeedsWithin(Duration.ofSeconds(10));
    }
}
