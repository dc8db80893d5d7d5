package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.Current;
import io.floe.Identity;
import io.floe.IncomingRequest;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.Properties;
import io.floe.Servant;
import io.floe.UserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preserved exception slices against the real Ice (ice-protocol.md §3.14). A Python Ice 3.7
 * server (src/test/resources/interop/exc_peer.py) raises {@code Exc::Derived} in the sliced
 * format; a Floe server that knows only {@code Exc::Base} gets it from its outgoing call, sliced
 * down, and rethrows it from its own dispatch; a Python Ice client calling the Floe server gets
 * the derived exception back whole when the Floe operation's format is sliced, and the base when
 * it is compact.
 */
@Timeout(120)
class IceExceptionInteropTest {
    private static final String BASE_ID = "::Exc::Base";
    private static final String WHOLE = "Derived msg='worse' code=42 note='n' node=7 next=8 cycle=True";

    @TempDir
    static Path dir;

    private static Process server;
    private static String serverProxy;

    @BeforeAll
    static void start() throws Exception {
        for (String resource : new String[] {"Exc.ice", "exc_peer.py"}) {
            try (var in = IceExceptionInteropTest.class.getResourceAsStream("/interop/" + resource)) {
                Files.copy(in, dir.resolve(resource));
            }
        }
        server = new ProcessBuilder("/usr/bin/python3", "exc_peer.py", "server", "Exc.ice")
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String ready = firstLine(server, 30);
        if (ready == null || !ready.startsWith("ready ")) {
            server.destroyForcibly();
            throw new IllegalStateException("python3 exc_peer.py server did not start: " + ready);
        }
        serverProxy = ready.substring("ready ".length());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.getOutputStream().close(); // the peer serves until its stdin closes
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aSlicedOperationPassesTheDerivedExceptionOnWhole() throws Exception {
        try (Communicator communicator = Communicator.initialize()) {
            Middle middle = new Middle(communicator, FormatType.SLICED);

            assertThat(callThroughFloe(communicator, middle)).isEqualTo(WHOLE);

            UserException received = middle.received;
            assertThat(received).isExactlyInstanceOf(ExcBase.class);
            assertThat(((ExcBase) received).msg).isEqualTo("worse");
            List<SliceInfo> slices = received.ice_getSlicedData().slices();
            assertThat(slices).extracting(SliceInfo::typeId).containsExactly("::Exc::Derived");
            assertThat(slices.get(0).instances()).hasSize(1); // the node, of a class Floe does not know
            assertThat(slices.get(0).hasOptionalMembers()).isTrue();
        }
    }

    @Test
    void aCompactOperationDropsTheSlicesSoTheClientGetsTheBase() throws Exception {
        try (Communicator communicator = Communicator.initialize()) {
            Middle middle = new Middle(communicator, FormatType.COMPACT);

            assertThat(callThroughFloe(communicator, middle)).isEqualTo("Base msg='worse'");
            assertThat(middle.received.ice_getSlicedData()).isNotNull();
        }
    }

    @Test
    void iceDefaultSlicedFormatPassesTheDerivedExceptionOnWhole() throws Exception {
        try (Communicator communicator = Communicator.initialize(
                new Properties().set("Ice.Default.SlicedFormat", "1"))) {
            Middle middle = new Middle(communicator, FormatType.DEFAULT);

            assertThat(callThroughFloe(communicator, middle)).isEqualTo(WHOLE);
        }
    }

    /** Serves {@code middle} and has a Python Ice client call its fail(); returns what it printed. */
    private static String callThroughFloe(Communicator communicator, Middle middle) throws Exception {
        ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Middle", "tcp -h 127.0.0.1 -p 0");
        adapter.add(middle, Identity.of("middle"));
        adapter.activate();
        String proxy = "middle:" + adapter.endpoints().get(0);
        Process client = new ProcessBuilder("/usr/bin/python3", "exc_peer.py", "client", "Exc.ice", proxy)
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            client.getOutputStream().close();
            String line = firstLine(client, 60);
            if (!client.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("python3 exc_peer.py client did not exit");
            }
            return line;
        } finally {
            client.destroyForcibly();
        }
    }

    private static String firstLine(Process process, int seconds) throws Exception {
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return first.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("no line from python3 in " + seconds + " s", e);
        }
    }

    /** {@code exception Base { string msg; }}, hand-written as floe-slice would generate it. */
    static final class ExcBase extends UserException {
        private static final long serialVersionUID = 1L;
        public String msg = "";

        @Override
        public String ice_id() {
            return BASE_ID;
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastSlice(BASE_ID);
            out.writeString(msg);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            msg = in.readString();
            in.endSlice();
        }
    }

    /**
     * A Floe servant of {@code Exc::Thrower} that knows only {@code Exc::Base}: its fail() calls
     * the Python server's and rethrows what it raised, with the given operation format.
     */
    static final class Middle implements Servant {
        private final ObjectPrx target;
        private final FormatType format;
        volatile UserException received;

        Middle(Communicator communicator, FormatType format) {
            this.target = communicator.stringToProxy(serverProxy);
            this.format = format;
        }

        @Override
        public String ice_id(Current current) {
            return "::Exc::Thrower";
        }

        @Override
        public String[] ice_ids(Current current) {
            return new String[] {"::Exc::Thrower", "::Ice::Object"};
        }

        @Override
        public void _dispatch(IncomingRequest request) throws UserException {
            if (!request.current().operation().equals("fail")) {
                Servant._dispatchBuiltin(this, request);
                return;
            }
            request.checkMode(OperationMode.NORMAL);
            request.setFormat(format);
            request.readEmptyParams();
            try {
                ObjectPrx._await(target.ice_reference().invoke("fail", OperationMode.NORMAL, FormatType.SLICED,
                        null, null, typeId -> BASE_ID.equals(typeId) ? new ExcBase() : null, null));
            } catch (ExcBase ex) {
                received = ex;
                throw ex; // as a servant's declared exception
            }
            request.sendEmptyResult();
        }
    }
}
