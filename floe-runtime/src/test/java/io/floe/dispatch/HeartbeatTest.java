package io.floe.dispatch;

import static io.floe.testing.RawPeer.encaps;
import static io.floe.testing.RawPeer.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Current;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import io.floe.testing.Calculator;
import io.floe.testing.HexBytes;
import io.floe.testing.RawPeer;
import io.floe.testing.StubCalculator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aServantBlockingTheOnlyEventLoopStillGetsItsConnectionHeartbeats() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StubCalculator sleeping = new StubCalculator() {
            @Override
            public int add(int a, int b, Current current) {
                try {
                    release.await(10, TimeUnit.SECONDS); // holds floe-server-1, the pool's one loop
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return a + b;
            }
        };
        try (Communicator server = Communicator.initialize(new Properties().set("Ice.ACM.Timeout", "2")
                .set("Ice.ACM.Heartbeat", "1"))) {
            ObjectAdapter adapter = server.createObjectAdapterWithEndpoints("Beat", "tcp -h 127.0.0.1 -p 0");
            adapter.add(sleeping, Identity.of("calc"));
            adapter.activate();
            int port = Integer.parseInt(adapter.endpoints().get(0).replaceAll(".* -p (\\d+).*", "$1"));
            try (RawPeer peer = RawPeer.connect(port)) {
                assertThat(peer.readExactly(14)).containsExactly(RawPeer.VALIDATE_CONNECTION);
                peer.send(request(7, "calc", "", "add", 2, encaps(HexBytes.parse("01 00 00 00 02 00 00 00"))));
                // As Ice's timer does while its one thread sleeps in a servant: heartbeats go on.
                for (int i = 0; i < 3; i++) {
                    assertThat(peer.readExactly(14)).containsExactly(RawPeer.VALIDATE_CONNECTION);
                }
                release.countDown();
                byte[] reply = peer.readMessage();
                while (reply[8] == 3) {
                    reply = peer.readMessage();
                }
                assertThat(reply[8]).as("message type").isEqualTo((byte) 2);
                assertThat(reply[14]).as("request id").isEqualTo((byte) 7);
            }
        }
    }
}
