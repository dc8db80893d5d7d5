package io.floe.dispatch;

import static io.floe.testing.RawPeer.encaps;
import static io.floe.testing.RawPeer.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import io.floe.testing.Calculator;
import io.floe.testing.HexBytes;
import io.floe.testing.RawPeer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ACM heartbeats (ice-protocol.md §5.3): a server heartbeats while an AMD request is pending. */
@Timeout(30)
class HeartbeatTest {
    @Test
    void aServerSendsValidateConnectionHeartbeatsWhileAnAmdRequestIsPendingAndNotWhenIdle() throws Exception {
        AmdGuaranteesTest.ParkingCalculator servant = new AmdGuaranteesTest.ParkingCalculator();
        try (Communicator server = Communicator.initialize(new Properties().set("Ice.ACM.Timeout", "2")
                .set("Ice.ACM.Heartbeat", "1"))) {
            ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Beat", "tcp -h 127.0.0.1 -p 0");
            adapter.add(servant, Identity.of("calc"));
            adapter.activate();
            int port = Integer.parseInt(adapter.endpoints().get(0).replaceAll(".* -p (\\d+).*", "$1"));
            try (RawPeer peer = RawPeer.connect(port)) {
                assertThat(peer.readExactly(14)).containsExactly(RawPeer.VALIDATE_CONNECTION);
                // Idle: with HeartbeatOnDispatch (Ice 3.7's default, not Floe's), heartbeats go out only while a dispatch is pending.
                assertThat(peer.staysSilentFor(Duration.ofMillis(1500))).isTrue();

                peer.send(request(7, "calc", "", "addLater", 0, encaps(HexBytes.parse("01 00 00 00 02 00 00 00"))));
                Calculator.AddLaterCallback cb = servant.next();
                // ACM timeout 2 s: a heartbeat at least every 0.5 s of silence, checked every 0.25 s.
                for (int i = 0; i < 3; i++) {
                    assertThat(peer.readExactly(14)).containsExactly(RawPeer.VALIDATE_CONNECTION);
                }
                cb.ice_response(3);
                byte[] reply = peer.readMessage();
                while (reply[8] == 3) { // a heartbeat already on its way
                    reply = peer.readMessage();
                }
                assertThat(reply[8]).as("message type").isEqualTo((byte) 2);
            }
        }
    }
}
