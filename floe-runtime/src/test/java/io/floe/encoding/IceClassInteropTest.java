package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.Communicator;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.Properties;
import io.floe.UnknownSlicedValue;
import io.floe.Value;
import io.floe.fixture.Cap.CNode;
import io.floe.fixture.Cap.LabeledNode;
import io.floe.fixture.Cap.Node;
import io.floe.fixture.Cap.RefNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Ice agrees: Python Ice 3.7 servants (src/test/resources/interop) send class graphs in
 * the sliced and compact formats, which Floe decodes, and describe what Floe sends them. One
 * servant knows every class of Cap.ice; the other knows only {@code Node}, slices the rest off
 * and preserves it. Floe finds its classes by name with {@code Ice.Package.Cap}.
 */
@Timeout(60)
class IceClassInteropTest {
    @TempDir
    static Path dir;

    private static PythonPeer full;
    private static PythonPeer base;
    private static Communicator communicator;

    @BeforeAll
    static void start() throws Exception {
        for (String resource : new String[] {"Cap.ice", "CapBase.ice", "cap_server.py"}) {
            try (var in = IceClassInteropTest.class.getResourceAsStream("/interop/" + resource)) {
                Files.copy(in, dir.resolve(resource));
            }
        }
        full = new PythonPeer(dir, "Cap.ice");
        base = new PythonPeer(dir, "CapBase.ice");
        communicator = Communicator.initialize(new Properties().set("Ice.Package.Cap", "io.floe.fixture"));
    }

    @AfterAll
    static void stop() {
        if (communicator != null) {
            communicator.destroy();
        }
        for (PythonPeer peer : new PythonPeer[] {full, base}) {
            if (peer != null) {
                peer.close();
            }
        }
    }

    @Test
    void aSlicedGraphFromIceIsDecodedWhole() {
        Node n = call(full, "makeLabeled", FormatType.SLICED, null, Node.class);

        assertThat(n.value).isEqualTo(6);
        assertThat(n.next).isInstanceOfSatisfying(LabeledNode.class, l -> {
            assertThat(l.value).isEqualTo(5);
            assertThat(l.label).isEqualTo("L");
        });
    }

    @Test
    void aCycleThroughADerivedSliceWithAnOptionalFromIceIsDecoded() {
        RefNode r = call(full, "makeCycle", FormatType.SLICED, null, RefNode.class);

        assertThat(r.value).isEqualTo(1);
        assertThat(r.getNote()).isEqualTo("n");
        assertThat(r.extra.value).isEqualTo(2);
        assertThat(r.extra.next).isSameAs(r);
    }

    @Test
    void aCompactIdFromIceIsResolvedThroughFloeCompactId() {
        assertThat(call(full, "makeCNode", FormatType.COMPACT, null, CNode.class).c).isEqualTo(9);
    }

    @Test
    void iceReadsWhatFloeWritesInBothFormats() {
        RefNode r = new RefNode();
        r.value = 1;
        r.extra = new Node(2, r);
        r.setNote("n");
        Node graph = new Node(6, new LabeledNode(5, r, "L"));
        String expected = "::Cap::Node#0(next=::Cap::LabeledNode#1(label='L', next=::Cap::RefNode#2("
                + "extra=::Cap::Node#3(next=#2, value=2), next=null, note='n', value=1), value=5), value=6)";

        assertThat(describe(full, graph, FormatType.SLICED)).isEqualTo(expected);
        assertThat(describe(full, graph, FormatType.COMPACT)).isEqualTo(expected);
    }

    @Test
    void iceSlicesWhatItDoesNotKnowAndFloeGetsItBackWhole() {
        RefNode r = new RefNode();
        r.value = 1;
        r.extra = new Node(2, r);
        r.setNote("n");

        Node echoed = call(base, "echo", FormatType.SLICED, out -> out.writeValue(new LabeledNode(5, r, "L")),
                Node.class);

        assertThat(echoed).isInstanceOfSatisfying(LabeledNode.class, l -> {
            assertThat(l.label).isEqualTo("L");
            assertThat(l.next).isInstanceOfSatisfying(RefNode.class, back -> {
                assertThat(back.getNote()).isEqualTo("n");
                assertThat(back.extra.next).isSameAs(back);
            });
        });
    }

    @Test
    void slicesFloePreservedAreWrittenBackSoThatIceReadsTheDerivedType() {
        Communicator knowsOnlyNode = Communicator.initialize(new Properties()
                .set("Ice.Package.Cap", "io.floe.fixture.nodeonly"));
        try {
            io.floe.fixture.nodeonly.Cap.Node n = call(knowsOnlyNode, full, "makeLabeled", FormatType.SLICED, null,
                    io.floe.fixture.nodeonly.Cap.Node.class);
            assertThat(n.next.getClass()).isEqualTo(io.floe.fixture.nodeonly.Cap.Node.class);
            assertThat(n.next.ice_getSlicedData().slices()).hasSize(1);

            String described = call(knowsOnlyNode, full, "describe", FormatType.SLICED,
                    out -> out.writeValue(n), null);
            assertThat(described).isEqualTo(
                    "::Cap::Node#0(next=::Cap::LabeledNode#1(label='L', next=null, value=5), value=6)");
        } finally {
            knowsOnlyNode.destroy();
        }
    }

    @Test
    void slicesFloePreservedAreWrittenSoThatIceReadsThemWhole() {
        Communicator knowsOnlyNode = Communicator.initialize(new Properties()
                .set("Ice.Package.Cap", "io.floe.fixture.none")
                .set("Ice.Default.Package", "nowhere"));
        try {
            // No class of Cap is found under these packages: everything arrives unknown.
            Value unknown = call(knowsOnlyNode, full, "makeLabeled", FormatType.SLICED, null, Value.class);
            assertThat(unknown).isInstanceOf(UnknownSlicedValue.class);
            assertThat(unknown.ice_id()).isEqualTo("::Cap::Node");

            String described = call(knowsOnlyNode, full, "describe", FormatType.SLICED,
                    out -> out.writeValue(unknown), null);
            assertThat(described).isEqualTo(
                    "::Cap::Node#0(next=::Cap::LabeledNode#1(label='L', next=null, value=5), value=6)");
        } finally {
            knowsOnlyNode.destroy();
        }
    }

    private static String describe(PythonPeer peer, Value v, FormatType format) {
        return call(communicator, peer, "describe", format, out -> out.writeValue(v), null);
    }

    private static <T extends Value> T call(PythonPeer peer, String op, FormatType format, Encoder params,
                                            Class<T> type) {
        return call(communicator, peer, op, format, params, type);
    }

    @SuppressWarnings("unchecked")
    private static <T> T call(Communicator c, PythonPeer peer, String op, FormatType format, Encoder params,
                              Class<? extends Value> type) {
        ObjectPrx proxy = c.stringToProxy(peer.proxy);
        CompletableFuture<Object> reply = proxy.ice_reference().invoke(op, OperationMode.NORMAL, format,
                params == null ? out -> { } : params,
                in -> {
                    if (type == null) {
                        return in.readString();
                    }
                    ValueHolder<Value> holder = new ValueHolder<>();
                    in.readValue(holder, (Class<Value>) type);
                    return holder;
                },
                null, null);
        Object result = ObjectPrx.awaitLocal(reply);
        return (T) (result instanceof ValueHolder<?> h ? h.value : result);
    }

    /** A Python Ice servant of Cap::Graph; stops when its stdin closes. */
    static final class PythonPeer implements AutoCloseable {
        final Process process;
        final String proxy;

        PythonPeer(Path dir, String slice) throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "cap_server.py", slice)
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            process = pb.start();
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return lines.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try {
                proxy = first.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("python3 cap_server.py " + slice + " did not start", e);
            }
            if (proxy == null) {
                throw new IllegalStateException("python3 cap_server.py " + slice + " exited: " + process.waitFor());
            }
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
