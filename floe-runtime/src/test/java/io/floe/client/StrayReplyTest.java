package io.floe.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.client.ScriptedServer.Action;
import io.floe.encoding.UserExceptionFactory;
import io.floe.testing.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A reply for a request id the client never sent: logged and dropped, the connection kept. */
@Timeout(30)
class StrayReplyTest {
    @Test
    void aReplyForARequestIdNeverSentIsLoggedAndDroppedAndTheConnectionServesOn() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> Action.STRAY_THEN_REPLY);
             Communicator client = Communicator.initialize("--Ice.RetryIntervals=-1");
             LogCapture log = new LogCapture()) {
            ObjectPrx proxy = client.stringToProxy("x:" + server.endpoint());

            for (int i = 0; i < 3; i++) {
                assertThat(proxy.ice_reference().invoke("write", OperationMode.NORMAL, null, null, null,
                        UserExceptionFactory.NONE, null)).succeedsWithin(Duration.ofSeconds(10));
            }

            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.requests()).containsExactly("write", "write", "write");
            assertThat(log.text()).contains("dropped a reply for request id " + ScriptedServer.STRAY_REQUEST_ID
                    + ", which it never sent; the connection stays open");
        }
    }
}
