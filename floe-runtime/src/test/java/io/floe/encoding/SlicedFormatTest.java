package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.UnknownSlicedValue;
import io.floe.UserException;
import io.floe.Value;
import io.floe.encoding.CapValues.Pair;
import io.floe.encoding.CapValues.LabeledNode;
import io.floe.encoding.CapValues.Node;
import io.floe.encoding.CapValues.RefNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sliced format (ice-protocol.md §3.11, §3.14): slice sizes, indirection tables, unknown
 * slices skipped and preserved, instances of which nothing is known.
 */
@Timeout(30)
class SlicedFormatTest {
    // §3.14, captured from Ice 3.7.8: Node(6) -> LabeledNode(5, null, "L"), ["format:sliced"].
    static final String NODE_TO_LABELED_SLICED = "01 39 0b \"::Cap::Node\" 09 00 00 00 06 00 00 00 01"
            + " | 01 | 01 11 12 \"::Cap::LabeledNode\" 06 00 00 00 01 4c"
            + " | 32 01 09 00 00 00 05 00 00 00 00";

    @RegisterExtension
    final Buffers buffers = new Buffers();

    private byte[] write(FormatType format, Consumer<OutputStream> body) {
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_1, format);
        body.accept(out);
        out.endEncapsulation();
        return io.netty.buffer.ByteBufUtil.getBytes(out.buffer());
    }

    private <T extends Value> T read(byte[] encaps, ValueFactory factory, Class<T> type) {
        InputStream in = new InputStream(buffers.of(encaps), null, factory, 100);
        in.startEncapsulation();
        ValueHolder<T> holder = new ValueHolder<>();
        in.readValue(holder, type);
        in.endEncapsulation();
        return holder.value;
    }

    private static byte[] encaps(String body) {
        return Hex.parse(Hex.encaps(body));
    }

    @Test
    void aReferenceInsideASliceGoesThroughTheIndirectionTableAsCaptured() {
        Node n = new Node(6, new LabeledNode(5, null, "L"));

        assertThat(Hex.of(write(FormatType.SLICED, out -> out.writeValue(n))))
                .isEqualTo(Hex.canonical(Hex.encaps(NODE_TO_LABELED_SLICED)));
    }

    @Test
    void theCapturedSlicedGraphIsReadWhole() {
        Node n = read(encaps(NODE_TO_LABELED_SLICED), CapValues.knowingAll(), Node.class);

        assertThat(n.value).isEqualTo(6);
        assertThat(n.next).isInstanceOfSatisfying(LabeledNode.class, l -> {
            assertThat(l.label).isEqualTo("L");
            assertThat(l.value).isEqualTo(5);
        });
    }

    @Test
    void anUnknownDerivedSliceIsSkippedAndPreserved() {
        Node n = read(encaps(NODE_TO_LABELED_SLICED), CapValues.knowing(Node.TYPE_ID), Node.class);

        assertThat(n.next.getClass()).isEqualTo(Node.class);
        assertThat(n.next.value).isEqualTo(5);
        SlicedData sliced = n.next.ice_getSlicedData();
        assertThat(sliced.slices()).singleElement().satisfies(slice -> {
            assertThat(slice.typeId()).isEqualTo(LabeledNode.TYPE_ID);
            assertThat(Hex.of(slice.bytes())).isEqualTo("01 4c");
            assertThat(slice.isLastSlice()).isFalse();
            assertThat(slice.instances()).isEmpty();
        });
    }

    @Test
    void preservedSlicesAreWrittenBackByteIdentical() {
        byte[] original = write(FormatType.SLICED,
                out -> out.writeValue(new Node(6, new LabeledNode(5, null, "L"))));

        Node sliced = read(original, CapValues.knowing(Node.TYPE_ID), Node.class);

        assertThat(Hex.of(write(FormatType.SLICED, out -> out.writeValue(sliced)))).isEqualTo(Hex.of(original));
    }

    @Test
    void preservedSlicesKeepTheirOptionalsAndTheInstancesOfTheirTables() {
        // The unknown RefNode slice has an optional member and a reference (to a node whose
        // next is the RefNode itself: a cycle through a slice that is skipped).
        RefNode ref = new RefNode();
        ref.value = 1;
        ref.extra = new Node(2, ref);
        ref.setNote("n");
        byte[] original = write(FormatType.SLICED, out -> out.writeValue(ref));

        Node sliced = read(original, CapValues.knowing(Node.TYPE_ID), Node.class);

        SliceInfo slice = sliced.ice_getSlicedData().slices().get(0);
        assertThat(slice.typeId()).isEqualTo(RefNode.TYPE_ID);
        assertThat(slice.hasOptionalMembers()).isTrue();
        assertThat(slice.instances()).singleElement().isInstanceOfSatisfying(Node.class, extra -> {
            assertThat(extra.value).isEqualTo(2);
            assertThat(extra.next).isSameAs(sliced);
        });
        assertThat(Hex.of(write(FormatType.SLICED, out -> out.writeValue(sliced)))).isEqualTo(Hex.of(original));

        RefNode whole = read(original, CapValues.knowingAll(), RefNode.class);
        assertThat(whole.optionalNote()).contains("n");
        assertThat(whole.extra.next).isSameAs(whole);
    }

    @Test
    void preservedSlicesAreDroppedInTheCompactFormat() {
        byte[] original = write(FormatType.SLICED,
                out -> out.writeValue(new Node(6, new LabeledNode(5, null, "L"))));
        Node sliced = read(original, CapValues.knowing(Node.TYPE_ID), Node.class);

        assertThat(Hex.of(write(FormatType.COMPACT, out -> out.writeValue(sliced.next))))
                .isEqualTo(Hex.canonical(Hex.encaps("01 21 0b \"::Cap::Node\" 05 00 00 00 00")));
    }

    @Test
    void anInstanceOfWhichNoSliceIsKnownIsAnUnknownSlicedValueWrittenBackWhole() {
        byte[] original = encaps(NODE_TO_LABELED_SLICED);

        Value unknown = read(original, CapValues.knowing(), Value.class);

        assertThat(unknown).isInstanceOfSatisfying(UnknownSlicedValue.class, u -> {
            assertThat(u.ice_id()).isEqualTo(Node.TYPE_ID);
            assertThat(u.ice_getSlicedData().slices()).singleElement()
                    .satisfies(s -> assertThat(s.instances()).singleElement()
                            .isInstanceOfSatisfying(UnknownSlicedValue.class,
                                    next -> assertThat(next.ice_id()).isEqualTo(LabeledNode.TYPE_ID)));
        });
        assertThat(Hex.of(write(FormatType.SLICED, out -> out.writeValue(unknown)))).isEqualTo(Hex.of(original));
        assertThatThrownBy(() -> write(FormatType.COMPACT, out -> out.writeValue(unknown)))
                .isInstanceOf(MarshalException.class);
    }

    @Test
    void aSharedInstanceInsideOneSliceIsOneTableEntry() {
        Pair h = new Pair();
        h.first = new Node(1, null);
        h.second = h.first;

        byte[] bytes = write(FormatType.SLICED, out -> out.writeValue(h));

        assertThat(Hex.of(bytes)).isEqualTo(Hex.canonical(Hex.encaps(
                "01 39 0b \"::Cap::Pair\" 06 00 00 00 01 01 | 01 | 01 31 0b \"::Cap::Node\" 09 00 00 00 01 00 00 00 00")));
        Pair read = read(bytes, CapValues.knowingAll(), Pair.class);
        assertThat(read.second).isSameAs(read.first);
    }

    @Test
    void aCycleSurvivesTheSlicedFormat() {
        Node a = new Node(1, null);
        a.next = new Node(2, a);

        Node read = read(write(FormatType.SLICED, out -> out.writeValue(a)), CapValues.knowingAll(), Node.class);

        assertThat(read.next.next).isSameAs(read);
    }

    @Test
    void anExceptionSliceIndirectsItsClassMembersInTheSlicedFormat() throws Exception {
        byte[] bytes = write(FormatType.SLICED, out -> out.writeException(new NodeError(new Node(4, null))));

        assertThat(Hex.of(bytes)).isEqualTo(Hex.canonical(Hex.encaps(
                "38 10 \"::Cap::NodeError\" 05 00 00 00 01 | 01 | 01 31 0b \"::Cap::Node\" 09 00 00 00 04 00 00 00 00")));
        InputStream in = new InputStream(buffers.of(bytes), null, CapValues.knowingAll(), 100);
        in.startEncapsulation();
        assertThatThrownBy(() -> in.throwException(t -> t.equals(NodeError.TYPE_ID) ? new NodeError(null) : null))
                .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.node.value).isEqualTo(4));
        in.endEncapsulation();
    }

    @Test
    void anUnknownExceptionSliceWithATableIsSkippedWhole() {
        byte[] bytes = write(FormatType.SLICED, out -> out.writeException(new NodeError(new Node(4, null))));
        InputStream in = new InputStream(buffers.of(bytes), null, CapValues.knowingAll(), 100);
        in.startEncapsulation();

        assertThatThrownBy(() -> in.throwException(UserExceptionFactory.NONE))
                .isInstanceOf(io.floe.UnknownUserException.class);
    }

    /** {@code exception NodeError { Node node; }} */
    static final class NodeError extends UserException {
        private static final long serialVersionUID = 1L;
        static final String TYPE_ID = "::Cap::NodeError";
        transient Node node;

        NodeError(Node node) {
            this.node = node;
        }

        @Override
        public String ice_id() {
            return TYPE_ID;
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastSlice(TYPE_ID);
            out.writeValue(node);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            in.readValue(v -> node = v, Node.class);
            in.endSlice();
        }
    }
}
