package io.floe.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.encoding.InputStream;
import io.floe.internal.transport.JmhServerHarness;
import io.floe.protocol.MessageType;
import io.floe.protocol.ReplyStatus;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each server path benchmark once, outside JMH: the harness must really reach the servant and
 * bring back its reply, so a runtime change that breaks the harness fails the build.
 */
@Timeout(30)
class ServerPathBenchmarkTest {
    @ParameterizedTest
    @EnumSource(JmhServerHarness.Dispatch.class)
    void aPingReachesTheServantAndItsReplyHasStatusOkAndTheRequestId(JmhServerHarness.Dispatch dispatch) {
        ServerPathBenchmark bench = start(dispatch);
        try {
            ByteBuf reply = bench.exchangePing();
            try {
                assertThat(WireMessages.type(reply)).isEqualTo(MessageType.REPLY);
                assertThat(WireMessages.requestId(reply)).isEqualTo(1);
                assertThat(WireMessages.replyStatus(reply)).isEqualTo(ReplyStatus.OK);
                assertThat(reply.readableBytes()).isEqualTo(14 + 4 + 1 + 6); // an empty encapsulation
            } finally {
                reply.release();
            }
            assertThat(bench.ping()).isEqualTo(25);
            assertThat(bench.servant.pings()).isEqualTo(2);
        } finally {
            bench.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(JmhServerHarness.Dispatch.class)
    void anEchoReturnsItsKibibyte(JmhServerHarness.Dispatch dispatch) {
        ServerPathBenchmark bench = start(dispatch);
        try {
            ByteBuf reply = bench.exchangeEcho();
            try {
                assertThat(WireMessages.requestId(reply)).isEqualTo(2);
                assertThat(WireMessages.replyStatus(reply)).isEqualTo(ReplyStatus.OK);
                InputStream in = new InputStream(reply.skipBytes(14 + 4 + 1));
                in.startEncapsulation();
                assertThat(in.readByteSeq()).hasSize(1024);
                in.endEncapsulation();
            } finally {
                reply.release();
            }
            for (int i = 0; i < 100; i++) {
                assertThat(bench.echo()).isEqualTo(14 + 4 + 1 + 6 + 5 + 1024);
            }
        } finally {
            bench.tearDown();
        }
    }

    private static ServerPathBenchmark start(JmhServerHarness.Dispatch dispatch) {
        ServerPathBenchmark bench = new ServerPathBenchmark();
        bench.dispatch = dispatch;
        bench.setUp();
        return bench;
    }
}
