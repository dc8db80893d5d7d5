package io.floe.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.InvocationFuture;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.client.ScriptedServer.Action;
import io.floe.encoding.UserExceptionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's own cost of an outstanding twoway call: the server reads and never answers. */
@Timeout(120)
class OutstandingCallsMemoryTest {
    @Test
    void twentyThousandUnansweredCallsOnOneConnectionAreAllSentAndCostTheClientLittleHeap() throws Exception {
        int n = 20_000;
        try (ScriptedServer server = new ScriptedServer(i -> Action.SILENT);
             Communicator client = Communicator.initialize()) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint());
            AtomicInteger sent = new AtomicInteger();
            List<InvocationFuture<Void>> calls = new ArrayList<>(n);
            long before = io.floe.dispatch.AmiFlowControlTestAccess.usedHeap();
            for (int i = 0; i < n; i++) {
                calls.add(proxy.ice_reference().<Void>invoke("op", OperationMode.NORMAL, null, null, null,
                        UserExceptionFactory.NONE, null).whenSent(s -> sent.incrementAndGet()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (server.requests().size() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long during = io.floe.dispatch.AmiFlowControlTestAccess.usedHeap();
            System.out.printf("AMI client only: %d twoway calls outstanding: heap %d KiB before, %d KiB during,"
                    + " %.0f bytes per call (live objects, mostly the stack traces of the paranoid Netty leak detection of tests for each retained request buffer; -Dfloe.test.histogramLines=8 shows them)%n",
                    n, before / 1024, during / 1024, (during - before) / (double) n);

            assertThat(server.requests()).hasSize(n);
            assertThat(sent).hasValue(n);
            assertThat(calls).noneMatch(InvocationFuture::isDone);
        }
    }
}
