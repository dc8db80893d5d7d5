package roundtrip;

import Cap.CNode;
import Cap.Node;
import Cap.OptNode;
import io.floe.EncodingVersion;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.encoding.ValueHolder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Compiled with the Java generated from Cap.ice and run by RoundTripTest once the runtime
 * encodes classes and optionals (branch i5enc): the captures of ice-protocol.md §3.13-§3.15,
 * byte for byte, and their decoding. Returns the failures, empty when all is well.
 */
public final class ClassRoundTrips implements Callable<List<String>> {
    private final List<String> failures = new ArrayList<>();

    @Override
    public List<String> call() {
        cycle();
        optionals();
        compactId();
        return failures;
    }

    /** §3.13: a(1) -> b(2) -> a, compact format. */
    private void cycle() {
        Node a = new Node(1, null);
        Node b = new Node(2, a);
        a.next = b;
        String hex = write(a, FormatType.COMPACT);
        expect("cycle", hex, "01" + "21" + "0b" + ascii("::Cap::Node") + "01000000" + "01" + "22" + "01"
                + "02000000" + "02");
        Node read = (Node) read(hex);
        check("cycle read", read != null && read.value == 1 && read.next.value == 2 && read.next.next == read);
    }

    /** §3.15: OptNode { r = 1, o = 2, s = "s" }. */
    private void optionals() {
        OptNode n = new OptNode(1, 2, "s");
        String hex = write(n, FormatType.COMPACT);
        expect("optionals", hex, "01" + "25" + "0e" + ascii("::Cap::OptNode") + "01000000" + "1202000000"
                + "f5280173" + "ff");
        OptNode read = (OptNode) read(hex);
        check("optionals read", read != null && read.r == 1 && read.getO() == 2 && read.getS().equals("s"));
        OptNode unset = new OptNode();
        unset.r = 1;
        expect("no optionals set", write(unset, FormatType.COMPACT),
                "01" + "21" + "0e" + ascii("::Cap::OptNode") + "01000000");
    }

    private void compactId() {
        CNode c = new CNode(5);
        expect("compact id", write(c, FormatType.COMPACT), "01" + "23" + "07" + "05000000");
        CNode read = (CNode) read(write(c, FormatType.COMPACT));
        check("compact id read", read != null && read.v == 5);
    }

    private static String write(io.floe.Value value, FormatType format) {
        ByteBuf buf = Unpooled.buffer();
        try {
            OutputStream out = new OutputStream(buf, format);
            out.startEncapsulation(EncodingVersion.V1_1, format);
            out.writeValue(value);
            out.endEncapsulation();
            String hex = ByteBufUtil.hexDump(buf);
            return hex.substring(12); // the encapsulation header: int32 size and 1.1
        } finally {
            buf.release();
        }
    }

    private static io.floe.Value read(String body) {
        int size = body.length() / 2 + 6;
        String header = String.format("%02x%02x%02x%02x0101", size & 0xff, (size >> 8) & 0xff,
                (size >> 16) & 0xff, size >>> 24);
        ByteBuf buf = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(header + body));
        try {
            InputStream in = new InputStream(buf, null, new GeneratedClasses(), 100);
            in.startEncapsulation();
            ValueHolder<io.floe.Value> holder = new ValueHolder<>();
            in.readValue(holder, io.floe.Value.class);
            in.endEncapsulation();
            return holder.value;
        } finally {
            buf.release();
        }
    }

    /** The classes generated for this test: {@code ::Cap::Node} is {@code Cap.Node}. */
    private static final class GeneratedClasses implements io.floe.encoding.ValueFactory {
        @Override
        public io.floe.Value create(String typeId) {
            try {
                return (io.floe.Value) load(typeId.substring(2).replace("::", ".")).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        @Override
        public String resolveCompactId(int compactId) {
            try {
                return (String) load("FloeCompactId.TypeId_" + compactId).getField("typeId").get(null);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        private static Class<?> load(String name) throws ClassNotFoundException {
            return Class.forName(name, true, ClassRoundTrips.class.getClassLoader());
        }
    }

    private static String ascii(String s) {
        return ByteBufUtil.hexDump(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void expect(String what, String actual, String expected) {
        check(what + ": " + actual + " (expected: " + expected + ")", actual.equals(expected));
    }

    private void check(String what, boolean ok) {
        if (!ok) {
            failures.add(what);
        }
    }
}
