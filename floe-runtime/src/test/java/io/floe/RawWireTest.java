package io.floe;

import static io.floe.testing.HexBytes.format;
import static io.floe.testing.HexBytes.parse;
import static io.floe.testing.RawPeer.batch;
import static io.floe.testing.RawPeer.batched;
import static io.floe.testing.RawPeer.encaps;
import static io.floe.testing.RawPeer.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.testing.Calculator;
import io.floe.testing.CalculatorPrx;
import io.floe.testing.RawPeer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real server on 127.0.0.1 and a peer that speaks the protocol by hand (ice-protocol.md §2,
 * §2.10, §4.6, §5.2, §5.4, §9): what goes on the wire, byte for byte, and which mistakes close
 * the connection.
 */
@Timeout(60)
class RawWireTest {
    private static final String PING_REPLY_1 = "49 63 65 50 01 00 01 00 02 00 19 00 00 00 01 00 00 00 00 06 00 00 00 01 01";
    private static final int NONMUTATING = 1;
    private static final int IDEMPOTENT = 2;
    private static final int NORMAL = 0;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void theServerSpeaksFirstWithExactlyOneValidateConnection() throws Exception {
        Server server = start();
        RawPeer peer = open(server.port);

        assertThat(format(peer.readExactly(14))).isEqualTo(format(RawPeer.VALIDATE_CONNECTION));
        assertThat(peer.staysSilentFor(Duration.ofMillis(200))).isTrue();
    }

    @Test
    void aHandBuiltIcePingGetsTheCapturedReplyBytes() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        // §9.2 with the identity "calc" (4 bytes, not 5): 42 bytes instead of 43.
        peer.send(parse("49 63 65 50 01 00 01 00 00 00 2a 00 00 00 | 01 00 00 00 | 04 \"calc\" 00 | 00"
                + " | 08 \"ice_ping\" | 01 | 00 | 06 00 00 00 01 01"));

        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
    }

    @Test
    void anIdempotentAddGetsTheCapturedResultEncapsulation() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(request(3, "calc", "", "add", IDEMPOTENT, encaps(parse("02 00 00 00 03 00 00 00"))));

        // §9.3: add(2,3) returns 05 00 00 00.
        assertThat(peer.readMessageHex())
                .isEqualTo(format(parse("49 63 65 50 01 00 01 00 02 00 1d 00 00 00 03 00 00 00 00"
                        + " 0a 00 00 00 01 01 05 00 00 00")));
    }

    @Test
    void anUnknownIdentityGetsObjectNotExistAndTheConnectionStaysUsable() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(request(16, "nobody", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        // §9.5: 10 00 00 00 | 02 | 06 "nobody" 00 | 00 | 08 "ice_ping"
        assertThat(peer.readMessageHex()).isEqualTo(reply("10 00 00 00 02 06 \"nobody\" 00 00 08 \"ice_ping\""));

        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
    }

    @Test
    void anUnknownCategoryIsReportedNameFirst() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);
        byte[] body = new RawPeer.Body().int32(19).string("nm").string("cat").size(0).string("ice_ping")
                .raw(new byte[] {1, 0}).raw(encaps(new byte[0])).bytes();

        peer.send(RawPeer.message(0, body));

        assertThat(peer.readMessageHex()).isEqualTo(reply("13 00 00 00 02 02 \"nm\" 03 \"cat\" 00 08 \"ice_ping\""));
    }

    @Test
    void anUnknownFacetOfAKnownIdentityGetsFacetNotExist() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(request(17, "calc", "nofacet", "ice_ping", NONMUTATING, encaps(new byte[0])));

        assertThat(peer.readMessageHex())
                .isEqualTo(reply("11 00 00 00 03 04 \"calc\" 00 01 07 \"nofacet\" 08 \"ice_ping\""));
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
    }

    @Test
    void anUnknownOperationGetsOperationNotExist() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(request(20, "calc", "", "noSuchOp", NORMAL, encaps(new byte[0])));

        assertThat(peer.readMessageHex()).isEqualTo(reply("14 00 00 00 04 04 \"calc\" 00 00 08 \"noSuchOp\""));
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
    }

    @Test
    void aBadMagicClosesThatConnectionWhileAnotherOpenConnectionIsStillServed() throws Exception {
        Server server = start();
        CalculatorPrx client = server.client();
        assertThat(client.add(1, 2)).isEqualTo(3);
        RawPeer peer = validated(server.port);

        peer.send(parse("49 63 65 51 01 00 01 00 00 00 2a 00 00 00"));

        assertThat(peer.awaitClosedByServer()).isTrue();
        assertThat(client.add(3, 4)).isEqualTo(7);
        assertThat(server.calculator.calls).containsExactly("add(1,2)", "add(3,4)");
    }

    @Test
    void anOversizedMessageIsRefusedBeforeItsBodyIsSentWhileOthersAreStillServed() throws Exception {
        Server server = start("--Ice.MessageSizeMax=1");
        CalculatorPrx client = server.client();
        client.ice_ping();
        RawPeer peer = validated(server.port);

        // 1025 bytes announced, 1024 allowed; only the header is ever sent.
        peer.send(parse("49 63 65 50 01 00 01 00 00 00 01 04 00 00"));

        assertThat(peer.awaitClosedByServer()).isTrue();
        assertThat(client.add(5, 6)).isEqualTo(11);
        RawPeer another = validated(server.port);
        another.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        assertThat(another.readMessageHex()).isEqualTo(PING_REPLY_1);
    }

    @Test
    void aMessageOfExactlyMessageSizeMaxIsAccepted() throws Exception {
        Server server = start("--Ice.MessageSizeMax=1");
        RawPeer peer = validated(server.port);
        // fail("zzz...") padded so that the whole message is 1024 bytes.
        byte[] probe = request(4, "calc", "", "fail", NORMAL, encaps(new RawPeer.Body().string("").bytes()));
        int kindLength = 1024 - probe.length - 4; // the string grows by n bytes and its size by 4
        byte[] message = request(4, "calc", "", "fail", NORMAL,
                encaps(new RawPeer.Body().string("z".repeat(kindLength)).bytes()));

        peer.send(message);

        assertThat(message).hasSize(1024);
        assertThat(peer.readMessageHex()).isEqualTo(reply("04 00 00 00 00 06 00 00 00 01 01"));
    }

    @Test
    void aStringCountLargerThanTheParamsGetsUnknownLocalExceptionAndTheConnectionStays() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        // fail(string): the string claims 50 bytes, 3 follow.
        peer.send(request(5, "calc", "", "fail", NORMAL, encaps(parse("32 61 62 63"))));

        byte[] reply = peer.readMessage();
        assertThat(reply[8]).isEqualTo((byte) 2);
        assertThat(format(reply).substring(14 * 3)).startsWith("05 00 00 00 05");
        assertThat(server.calculator.calls).isEmpty();
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
    }

    @Test
    void anEncapsulationLargerThanTheMessageGetsUnknownLocalExceptionAndTheConnectionStays() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        // add(int, int): the encapsulation claims 100 bytes, 10 follow.
        peer.send(request(6, "calc", "", "add", IDEMPOTENT, parse("64 00 00 00 01 01 02 00 00 00")));

        byte[] reply = peer.readMessage();
        assertThat(reply[8]).isEqualTo((byte) 2);
        assertThat(format(reply).substring(14 * 3)).startsWith("06 00 00 00 05");
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
    }

    @Test
    void missingParamsGetUnknownLocalException() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(request(7, "calc", "", "add", IDEMPOTENT, encaps(parse("02 00 00 00"))));

        byte[] reply = peer.readMessage();
        assertThat(format(reply).substring(14 * 3)).startsWith("07 00 00 00 05");
        assertThat(server.calculator.calls).isEmpty();
    }

    @Test
    void aFacetSequenceOfTwoElementsClosesTheConnection() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);
        byte[] body = new RawPeer.Body().int32(8).string("calc").string("").size(2).string("a").string("b")
                .string("ice_ping").raw(new byte[] {1, 0}).raw(encaps(new byte[0])).bytes();

        peer.send(RawPeer.message(0, body));

        assertThat(peer.awaitClosedByServer()).isTrue();
    }

    @Test
    void aBatchOfTwoAddsIsDispatchedInOrderWithoutAReply() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(batch(
                batched("calc", "add", IDEMPOTENT, encaps(parse("01 00 00 00 02 00 00 00"))),
                batched("calc", "add", IDEMPOTENT, encaps(parse("03 00 00 00 04 00 00 00")))));
        // One dispatch thread: had the batch been answered, its replies would come first.
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));

        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
        assertThat(server.calculator.calls).containsExactly("add(1,2)", "add(3,4)");
    }

    @Test
    void aBatchedRequestForAMissingObjectIsSkippedSilently() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(batch(
                batched("nobody", "add", IDEMPOTENT, encaps(parse("01 00 00 00 02 00 00 00"))),
                batched("calc", "add", IDEMPOTENT, encaps(parse("03 00 00 00 04 00 00 00")))));
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));

        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
        assertThat(server.calculator.calls).containsExactly("add(3,4)");
    }

    @Test
    void aOnewayRequestIsDispatchedWithoutAReply() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(request(0, "calc", "", "add", IDEMPOTENT, encaps(parse("05 00 00 00 06 00 00 00"))));
        peer.send(request(0, "nobody", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));

        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
        assertThat(server.calculator.calls).containsExactly("add(5,6)");
    }

    @Test
    void aValidateConnectionFromTheClientIsIgnored() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        peer.send(RawPeer.VALIDATE_CONNECTION);
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));

        assertThat(peer.readMessageHex()).isEqualTo(PING_REPLY_1);
    }

    @Test
    void shutdownWaitsForTheRequestInFlightAndClosesOnlyAfterThePeerDoes() throws Exception {
        Server server = start();
        RawPeer busy = validated(server.port);
        RawPeer idle = validated(server.port);
        busy.send(request(9, "calc", "", "addLater", NORMAL, encaps(parse("02 00 00 00 03 00 00 00"))));
        Calculator.AddLaterCallback inFlight = server.calculator.parked.poll(10, TimeUnit.SECONDS);
        assertThat(inFlight).isNotNull();

        server.communicator.shutdown();

        // The idle connection is closed at once; the busy one waits for its dispatch.
        assertThat(format(idle.readMessage())).isEqualTo(format(RawPeer.CLOSE_CONNECTION));
        assertThat(busy.staysSilentFor(Duration.ofMillis(200))).isTrue();
        inFlight.ice_response(5);
        List<String> received = List.of(busy.readMessageHex(), busy.readMessageHex());
        assertThat(received).containsExactlyInAnyOrder(
                reply("09 00 00 00 00 0a 00 00 00 01 01 05 00 00 00"),
                "49 63 65 50 01 00 01 00 04 00 0e 00 00 00");

        // The initiator waits for the peer's EOF before it closes (§5.2).
        assertThat(busy.staysSilentFor(Duration.ofMillis(300))).isTrue();
        busy.shutdownOutput();
        assertThat(busy.awaitClosedByServer()).isTrue();
        idle.shutdownOutput();
        assertThat(idle.awaitClosedByServer()).isTrue();
        assertThat(CompletableFuture.runAsync(server.communicator::waitForShutdown))
                .succeedsWithin(Duration.ofSeconds(10));
    }

    /**
     * Repeated because the overtaking is a race: it needs the reply to be sent while the close
     * is being scheduled, which the idle peer's CloseConnection roughly marks (about 1 in 10).
     */
    @RepeatedTest(60)
    void shutdownSendsTheReplyToTheRequestInFlightBeforeCloseConnection() throws Exception {
        Server server = start();
        RawPeer busy = validated(server.port);
        RawPeer idle = validated(server.port);
        busy.send(request(9, "calc", "", "addLater", NORMAL, encaps(parse("02 00 00 00 03 00 00 00"))));
        Calculator.AddLaterCallback inFlight = server.calculator.parked.poll(10, TimeUnit.SECONDS);
        assertThat(inFlight).isNotNull();

        server.communicator.shutdown();
        assertThat(format(idle.readMessage())).isEqualTo(format(RawPeer.CLOSE_CONNECTION));
        inFlight.ice_response(5);

        assertThat(busy.readMessageHex()).isEqualTo(reply("09 00 00 00 00 0a 00 00 00 01 01 05 00 00 00"));
        assertThat(busy.readMessageHex()).isEqualTo("49 63 65 50 01 00 01 00 04 00 0e 00 00 00");
    }

    @Test
    void adapterDeactivationSendsCloseConnectionToAnIdlePeer() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);

        server.adapter.deactivate();

        assertThat(peer.readMessageHex()).isEqualTo("49 63 65 50 01 00 01 00 04 00 0e 00 00 00");
        peer.close();
        assertThat(CompletableFuture.runAsync(server.adapter::waitForDeactivate))
                .succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aPeerThatNeverClosesItsEndIsDisconnectedAfterTheCloseTimeout() throws Exception {
        Server server = start("--Ice.Override.CloseTimeout=300");
        RawPeer peer = validated(server.port);

        server.adapter.deactivate();

        assertThat(peer.readMessageHex()).isEqualTo("49 63 65 50 01 00 01 00 04 00 0e 00 00 00");
        // The peer keeps its end open; the server closes the connection itself.
        assertThat(peer.awaitClosedByServer()).isTrue();
        assertThat(CompletableFuture.runAsync(server.adapter::waitForDeactivate))
                .succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void requestsThatArriveAfterCloseConnectionWasSentAreIgnored() throws Exception {
        Server server = start();
        RawPeer peer = validated(server.port);
        server.adapter.deactivate();
        assertThat(peer.readMessageHex()).isEqualTo("49 63 65 50 01 00 01 00 04 00 0e 00 00 00");

        peer.send(request(0, "calc", "", "add", IDEMPOTENT, encaps(parse("01 00 00 00 01 00 00 00"))));
        peer.send(request(1, "calc", "", "ice_ping", NONMUTATING, encaps(new byte[0])));
        peer.shutdownOutput();

        assertThat(peer.awaitClosedByServer()).isTrue();
        assertThat(server.calculator.calls).isEmpty();
    }

    // Helpers.

    /** A reply message around {@code body} (request id onwards). */
    private static String reply(String body) {
        return format(RawPeer.message(2, parse(body)));
    }

    private RawPeer open(int port) throws IOException {
        RawPeer peer = RawPeer.connect(port);
        resources.add(peer);
        return peer;
    }

    private RawPeer validated(int port) throws IOException {
        RawPeer peer = open(port);
        assertThat(peer.readMessageHex()).isEqualTo(format(RawPeer.VALIDATE_CONNECTION));
        return peer;
    }

    private Server start(String... properties) {
        Server server = new Server(properties);
        resources.add(server);
        return server;
    }

    /** A communicator with one adapter on 127.0.0.1:0 serving a {@link RecordingCalculator} as "calc". */
    private static final class Server implements AutoCloseable {
        private static final Pattern PORT = Pattern.compile(" -p (\\d+)");
        final Communicator communicator;
        final ObjectAdapter adapter;
        final RecordingCalculator calculator = new RecordingCalculator();
        final int port;
        final String endpoint;
        private Communicator clientCommunicator;

        Server(String... properties) {
            communicator = Communicator.initialize(properties);
            try {
                adapter = communicator.createObjectAdapterWithEndpoints("RawWire", "tcp -h 127.0.0.1 -p 0");
                adapter.add(calculator, Identity.of("calc"));
                adapter.activate();
                endpoint = adapter.endpoints().get(0);
                Matcher m = PORT.matcher(endpoint);
                assertThat(m.find()).as(endpoint).isTrue();
                port = Integer.parseInt(m.group(1));
            } catch (RuntimeException e) {
                communicator.destroy();
                throw e;
            }
        }

        /** A proxy from a separate client communicator, so its connection is a real Floe client's. */
        CalculatorPrx client() {
            if (clientCommunicator == null) {
                clientCommunicator = Communicator.initialize();
            }
            return CalculatorPrx.uncheckedCast(clientCommunicator.stringToProxy("calc:" + endpoint));
        }

        @Override
        public void close() {
            if (clientCommunicator != null) {
                clientCommunicator.destroy();
            }
            communicator.destroy();
        }
    }

    /** Records what it was asked, in order; parks the AMD callbacks of addLater for the test. */
    private static final class RecordingCalculator implements Calculator {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        final BlockingQueue<AddLaterCallback> parked = new LinkedBlockingQueue<>();

        @Override
        public int add(int a, int b, Current current) {
            calls.add("add(" + a + "," + b + ")");
            return a + b;
        }

        @Override
        public void addLater_async(AddLaterCallback cb, int a, int b, Current current) {
            parked.add(cb);
        }

        @Override
        public void fail(String kind, Current current) {
            calls.add("fail(" + kind.length() + ")");
        }
    }
}
