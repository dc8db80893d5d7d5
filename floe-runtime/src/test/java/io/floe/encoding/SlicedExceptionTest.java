package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.EncodingVersion;
import io.floe.UnknownSlicedValue;
import io.floe.UserException;
import io.floe.encoding.CapValues.LabeledNode;
import io.floe.encoding.CapValues.Node;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Preserved slices of exceptions (ice-protocol.md §3.14): a reader that slices a derived
 * exception down to a base it knows keeps the slices it cut off, and writing the exception again
 * in the sliced format puts them back first, byte for byte, so that a reader that knows the
 * derived type gets it whole. The compact format drops them.
 */
@Timeout(30)
class SlicedExceptionTest {
    private static final String[] EVERY_EXCEPTION = {
        "::Cap::Base", "::Cap::Derived", "::Cap::NodeError", "::Cap::WorstError"};

    @RegisterExtension
    final Buffers buffers = new Buffers();

    private byte[] original;

    @BeforeEach
    void writeAWorstErrorSliced() {
        // node: LabeledNode(1, "L") -> Node(2) <- again; the slice of NodeError has optionals.
        Node two = new Node(2, null);
        Node node = new LabeledNode(1, two, "L");
        original = write(new Cap.WorstError("worse", 42, node, two, "n", 7L), FormatType.SLICED);
    }

    private byte[] write(UserException ex, FormatType format) {
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_1, format);
        out.writeException(ex);
        out.endEncapsulation();
        return io.netty.buffer.ByteBufUtil.getBytes(out.buffer());
    }

    /** Reads the exception as a proxy does and returns what it throws. */
    private UserException read(byte[] encaps, UserExceptionFactory exceptions, ValueFactory values) {
        InputStream in = new InputStream(buffers.of(encaps), null, values, 100);
        in.startEncapsulation();
        try {
            in.throwException(exceptions);
        } catch (UserException ex) {
            in.endEncapsulation();
            return ex;
        }
        throw new AssertionError("throwException returned");
    }

    private static List<String> typeIds(SlicedData sliced) {
        return sliced.slices().stream().map(SliceInfo::typeId).toList();
    }

    @Test
    void aDerivedExceptionThatOnlyItsBaseIsKnownForKeepsTheSlicesItLost() {
        UserException ex = read(original, Cap.knowing("::Cap::Base"), CapValues.knowing(Node.TYPE_ID));

        assertThat(ex).isExactlyInstanceOf(Cap.Base.class);
        assertThat(((Cap.Base) ex).msg).isEqualTo("worse");
        SlicedData sliced = ex.ice_getSlicedData();
        assertThat(typeIds(sliced)).containsExactly("::Cap::WorstError", "::Cap::NodeError", "::Cap::Derived");
        assertThat(sliced.slices()).allSatisfy(s -> {
            assertThat(s.isLastSlice()).isFalse();
            assertThat(s.compactId()).isEqualTo(-1);
        });
        SliceInfo nodeError = sliced.slices().get(1);
        assertThat(nodeError.hasOptionalMembers()).isTrue();
        // The table's instances, read whole: the LabeledNode sliced to a Node, and its next.
        assertThat(nodeError.instances()).hasSize(2);
        Node node = (Node) nodeError.instances().get(0);
        assertThat(node.value).isEqualTo(1);
        assertThat(typeIds(node.ice_getSlicedData())).containsExactly(LabeledNode.TYPE_ID);
        assertThat(nodeError.instances().get(1)).isSameAs(node.next);
        assertThat(sliced.slices().get(0).instances()).isEmpty();
    }

    @Test
    void writtenAgainSlicedTheExceptionIsByteForByteWhatItWas() {
        UserException base = read(original, Cap.knowing("::Cap::Base"), CapValues.knowing(Node.TYPE_ID));
        UserException derived = read(original, Cap.knowing("::Cap::Base", "::Cap::Derived"),
                CapValues.knowing(Node.TYPE_ID));

        assertThat(derived).isExactlyInstanceOf(Cap.Derived.class);
        assertThat(((Cap.Derived) derived).code).isEqualTo(42);
        assertThat(typeIds(derived.ice_getSlicedData())).containsExactly("::Cap::WorstError", "::Cap::NodeError");
        assertThat(Hex.of(write(base, FormatType.SLICED))).isEqualTo(Hex.of(original));
        assertThat(Hex.of(write(derived, FormatType.SLICED))).isEqualTo(Hex.of(original));
    }

    @Test
    void instancesOfNoKnownClassInAPreservedSliceArePassedOnToo() {
        UserException ex = read(original, Cap.knowing("::Cap::Base"), CapValues.knowing());

        Object node = ex.ice_getSlicedData().slices().get(1).instances().get(0);
        assertThat(node).isInstanceOf(UnknownSlicedValue.class);
        assertThat(Hex.of(write(ex, FormatType.SLICED))).isEqualTo(Hex.of(original));
    }

    @Test
    void aReaderThatKnowsTheDerivedTypeGetsItWholeFromTheBytesWrittenAgain() {
        UserException base = read(original, Cap.knowing("::Cap::Base"), CapValues.knowing(Node.TYPE_ID));
        byte[] again = write(base, FormatType.SLICED);

        UserException ex = read(again, Cap.knowing(EVERY_EXCEPTION), CapValues.knowingAll());

        assertThat(ex).isInstanceOfSatisfying(Cap.WorstError.class, w -> {
            assertThat(w.msg).isEqualTo("worse");
            assertThat(w.code).isEqualTo(42);
            assertThat(w.when).isEqualTo(7L);
            assertThat(w.note).isEqualTo("n");
            assertThat(w.node).isInstanceOfSatisfying(LabeledNode.class, l -> {
                assertThat(l.value).isEqualTo(1);
                assertThat(l.label).isEqualTo("L");
                assertThat(l.next.value).isEqualTo(2);
                assertThat(w.again).isSameAs(l.next);
            });
        });
        assertThat(ex.ice_getSlicedData()).isNull();
    }

    @Test
    void theCompactFormatDropsThePreservedSlices() {
        UserException ex = read(original, Cap.knowing("::Cap::Base"), CapValues.knowing(Node.TYPE_ID));

        assertThat(Hex.of(write(ex, FormatType.COMPACT)))
                .isEqualTo(Hex.of(write(new Cap.Base("worse"), FormatType.COMPACT)));
    }

    @Test
    void aStreamWhoseDefaultIsSlicedWritesThePreservedSlices() {
        UserException ex = read(original, Cap.knowing("::Cap::Base"), CapValues.knowing(Node.TYPE_ID));
        OutputStream out = new OutputStream(buffers.empty(), FormatType.SLICED); // Ice.Default.SlicedFormat=1
        out.startEncapsulation(EncodingVersion.V1_1, FormatType.DEFAULT);
        out.writeException(ex);
        out.endEncapsulation();

        assertThat(Hex.of(out.buffer())).isEqualTo(Hex.of(original));
    }

    @Test
    void anExceptionReadWholeOrCompactHasNoSlicedData() {
        assertThat(read(original, Cap.knowing(EVERY_EXCEPTION), CapValues.knowingAll()).ice_getSlicedData())
                .isNull();
        byte[] compact = write(new Cap.Derived("worse", 42), FormatType.COMPACT);
        assertThat(read(compact, Cap.knowing("::Cap::Derived"), CapValues.knowingAll()).ice_getSlicedData())
                .isNull();
    }

    @Test
    void slicedDataSetByHandIsWrittenFirstAndClearingItWritesTheKnownSlicesOnly() {
        UserException ex = read(original, Cap.knowing("::Cap::Base"), CapValues.knowing(Node.TYPE_ID));
        Cap.Base copy = new Cap.Base("worse");
        copy._setSlicedData(ex.ice_getSlicedData());

        assertThat(Hex.of(write(copy, FormatType.SLICED))).isEqualTo(Hex.of(original));
        copy._setSlicedData(null);
        assertThat(Hex.of(write(copy, FormatType.SLICED)))
                .isEqualTo(Hex.of(write(new Cap.Base("worse"), FormatType.SLICED)));
    }

    @Test
    void aStreamCarriesOnAfterAnExceptionWithPreservedSlices() {
        UserException ex = read(original, Cap.knowing("::Cap::Base"), CapValues.knowing(Node.TYPE_ID));
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_1, FormatType.SLICED);
        out.writeException(ex);
        out.endEncapsulation();
        out.startEncapsulation(EncodingVersion.V1_1, FormatType.SLICED);
        out.writeException(ex);
        out.endEncapsulation();

        assertThat(Hex.of(out.buffer())).isEqualTo(Hex.of(original) + " " + Hex.of(original));
    }
}
