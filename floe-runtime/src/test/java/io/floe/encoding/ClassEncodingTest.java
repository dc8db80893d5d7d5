package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.EncodingVersion;
import io.floe.NoValueFactoryException;
import io.floe.UnexpectedObjectException;
import io.floe.Value;
import io.floe.encoding.CapValues.CNode;
import io.floe.encoding.CapValues.LabeledNode;
import io.floe.encoding.CapValues.Node;
import io.floe.encoding.CapValues.OptNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Class instances in the compact format: ice-protocol.md §3.13, §3.15 and the captures of §9.7. */
@Timeout(30)
class ClassEncodingTest {
    // §9.7 / §3.13, captured from Ice 3.7.8: getCycle() returns a(1) -> b(2) -> a.
    static final String CYCLE = "01 21 0b \"::Cap::Node\" 01 00 00 00 01 22 01 02 00 00 00 02";

    // §9.7: echoNode(Node(6) -> LabeledNode(5, null, "L")), compact.
    static final String NODE_TO_LABELED_COMPACT = "01 21 0b \"::Cap::Node\" 06 00 00 00"
            + " | 01 01 12 \"::Cap::LabeledNode\" 01 4c | 20 05 00 00 00 00";

    static final String CNODE = "01 23 07 09 00 00 00";
    static final String OPT_NODE_UNSET = "01 21 0e \"::Cap::OptNode\" 01 00 00 00";
    // §3.15: OptNode(1, 2, "s").
    static final String OPT_NODE_SET = "01 25 0e \"::Cap::OptNode\" 01 00 00 00 12 02 00 00 00 f5 28 01 73 ff";

    @RegisterExtension
    final Buffers buffers = new Buffers();

    private OutputStream write(FormatType format, Consumer<OutputStream> body) {
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_1, format);
        body.accept(out);
        out.endEncapsulation();
        return out;
    }

    private static void assertBytes(OutputStream out, String expectedBody) {
        assertThat(Hex.of(out.buffer())).isEqualTo(Hex.canonical(Hex.encaps(expectedBody)));
    }

    private InputStream in(String body, ValueFactory factory) {
        InputStream in = new InputStream(buffers.of(Hex.encaps(body)), null, factory, 100);
        in.startEncapsulation();
        return in;
    }

    private <T extends Value> T readOne(String body, ValueFactory factory, Class<T> type) {
        InputStream in = in(body, factory);
        ValueHolder<T> holder = new ValueHolder<>();
        in.readValue(holder, type);
        in.endEncapsulation();
        return holder.value;
    }

    @Test
    void aCycleIsWrittenAsTheCaptureWithABackReference() {
        Node a = new Node(1, null);
        a.next = new Node(2, a);

        assertBytes(write(FormatType.COMPACT, out -> out.writeValue(a)), CYCLE);
    }

    @Test
    void aCycleIsReadBackAsTheSameInstances() {
        Node a = readOne(CYCLE, CapValues.knowingAll(), Node.class);

        assertThat(a.value).isEqualTo(1);
        assertThat(a.next.value).isEqualTo(2);
        assertThat(a.next.next).isSameAs(a);
    }

    @Test
    void aDerivedInstanceInCompactFormatNamesOnlyItsFirstSlice() {
        Node n = new Node(6, new LabeledNode(5, null, "L"));

        assertBytes(write(FormatType.COMPACT, out -> out.writeValue(n)), NODE_TO_LABELED_COMPACT);
    }

    @Test
    void aDerivedInstanceIsReadWithItsBaseMembers() {
        Node n = readOne(NODE_TO_LABELED_COMPACT, CapValues.knowingAll(), Node.class);

        assertThat(n.value).isEqualTo(6);
        assertThat(n.next).isInstanceOfSatisfying(LabeledNode.class, l -> {
            assertThat(l.label).isEqualTo("L");
            assertThat(l.value).isEqualTo(5);
            assertThat(l.next).isNull();
        });
        assertThat(n.ice_getSlicedData()).isNull();
    }

    @Test
    void aCompactIdIsWrittenWithFlag3() {
        assertBytes(write(FormatType.COMPACT, out -> out.writeValue(new CNode(9))), CNODE);
    }

    @Test
    void aCompactIdIsResolvedByTheFactory() {
        assertThat(readOne(CNODE, CapValues.knowingAll(), CNode.class).c).isEqualTo(9);
    }

    @Test
    void unsetOptionalMembersWriteNeitherTheFlagNorTheEndMarker() {
        OptNode n = new OptNode();
        n.r = 1;

        assertBytes(write(FormatType.COMPACT, out -> out.writeValue(n)), OPT_NODE_UNSET);
    }

    @Test
    void setOptionalMembersMatchTheCapture() {
        OptNode n = new OptNode();
        n.r = 1;
        n.setO(2);
        n.setS("s");

        assertBytes(write(FormatType.COMPACT, out -> out.writeValue(n)), OPT_NODE_SET);
    }

    @Test
    void optionalMembersAreReadBackSetOrUnset() {
        OptNode set = readOne(OPT_NODE_SET, CapValues.knowingAll(), OptNode.class);
        OptNode unset = readOne(OPT_NODE_UNSET, CapValues.knowingAll(), OptNode.class);

        assertThat(set.r).isEqualTo(1);
        assertThat(set.getO()).isEqualTo(2);
        assertThat(set.optionalS()).contains("s");
        assertThat(unset.r).isEqualTo(1);
        assertThat(unset.hasO()).isFalse();
        assertThat(unset.hasS()).isFalse();
    }

    @Test
    void aNullReferenceIsOneZeroByte() {
        assertBytes(write(FormatType.COMPACT, out -> out.writeValue(null)), "00");
        assertThat(readOne("00", CapValues.knowingAll(), Node.class)).isNull();
    }

    @Test
    void aSharedInstanceIsWrittenOnceThenReferencedById() {
        Node shared = new Node(3, null);
        Node other = new Node(4, shared);
        String expected = "01 21 0b \"::Cap::Node\" 03 00 00 00 00"
                + " | 01 22 01 04 00 00 00 02"
                + " | 02";

        OutputStream out = write(FormatType.COMPACT, o -> {
            o.writeValue(shared);
            o.writeValue(other);
            o.writeValue(shared);
        });

        assertBytes(out, expected);
        InputStream in = in(expected, CapValues.knowingAll());
        Node[] read = new Node[3];
        for (int i = 0; i < 3; i++) {
            int index = i;
            in.readValue(v -> read[index] = v, Node.class);
        }
        in.endEncapsulation();
        assertThat(read[1].next).isSameAs(read[0]);
        assertThat(read[2]).isSameAs(read[0]);
    }

    @Test
    void aSequenceOfClassesSharesInstancesAcrossElements() {
        Node n = new Node(1, null);
        Node[] nodes = {n, null, n};

        OutputStream out = write(FormatType.COMPACT, o -> {
            o.writeSize(nodes.length);
            for (Node node : nodes) {
                o.writeValue(node);
            }
        });

        InputStream in = buffersIn(out);
        in.startEncapsulation();
        Node[] read = new Node[in.readAndCheckSeqSize(1)];
        for (int i = 0; i < read.length; i++) {
            int index = i;
            in.readValue(v -> read[index] = v, Node.class);
        }
        in.endEncapsulation();
        assertThat(read).hasSize(3);
        assertThat(read[0].value).isEqualTo(1);
        assertThat(read[1]).isNull();
        assertThat(read[2]).isSameAs(read[0]);
    }

    @Test
    void instanceIdsAndTypeIdsStartAgainInEachEncapsulation() {
        OutputStream out = buffers.out();
        for (int i = 0; i < 2; i++) {
            out.startEncapsulation(EncodingVersion.V1_1, FormatType.COMPACT);
            out.writeValue(new Node(1, null));
            out.endEncapsulation();
        }
        String one = Hex.canonical(Hex.encaps("01 21 0b \"::Cap::Node\" 01 00 00 00 00"));

        assertThat(Hex.of(out.buffer())).isEqualTo(one + " " + one);
    }

    @Test
    void anUnknownTypeInTheCompactFormatHasNoValueFactory() {
        InputStream in = in(NODE_TO_LABELED_COMPACT, CapValues.knowing(Node.TYPE_ID));

        assertThatThrownBy(() -> in.readValue(v -> { }, Node.class))
                .isInstanceOfSatisfying(NoValueFactoryException.class,
                        e -> assertThat(e.type()).isEqualTo(LabeledNode.TYPE_ID));
    }

    @Test
    void anInstanceOfAnotherTypeThanDeclaredIsUnexpected() {
        InputStream in = in(CNODE, CapValues.knowingAll());

        assertThatThrownBy(() -> in.readValue(v -> { }, Node.class))
                .isInstanceOf(UnexpectedObjectException.class)
                .hasMessageContaining("::Cap::CNode");
    }

    @Test
    void anOptionalClassParameterIsTag13FormatClass() {
        // §9.8, tag 13 of opts(): an inline ::S::Node{int v;} written here with CNode's shape.
        OutputStream out = write(FormatType.COMPACT, o -> {
            if (o.writeOptional(13, OptionalFormat.CLASS)) {
                o.writeValue(new CNode(3));
            }
        });

        assertBytes(out, "6f 01 23 07 03 00 00 00");
        InputStream in = buffersIn(out);
        in.startEncapsulation();
        assertThat(in.readOptional(12, OptionalFormat.VSIZE)).isFalse();
        assertThat(in.readOptional(13, OptionalFormat.CLASS)).isTrue();
        ValueHolder<CNode> p = new ValueHolder<>();
        in.readValue(p, CNode.class);
        assertThat(in.readOptional(14, OptionalFormat.FSIZE)).isFalse();
        in.endEncapsulation();
        assertThat(p.value.c).isEqualTo(3);
    }

    @Test
    void writingAClassInEncoding10IsRefused() {
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_0, FormatType.COMPACT);

        assertThatThrownBy(() -> out.writeValue(new Node())).isInstanceOf(io.floe.MarshalException.class);
    }

    private InputStream buffersIn(OutputStream out) {
        return new InputStream(buffers.of(io.netty.buffer.ByteBufUtil.getBytes(out.buffer())), null,
                CapValues.knowingAll(), 100);
    }
}
