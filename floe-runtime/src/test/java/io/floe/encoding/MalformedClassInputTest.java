package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.UnmarshalOutOfBoundsException;
import io.floe.Value;
import io.floe.encoding.CapValues.LabeledNode;
import io.floe.encoding.CapValues.Node;
import io.floe.encoding.CapValues.RefNode;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Class instances from a peer that cannot be trusted: every malformed graph is a
 * MarshalException, never an OutOfMemoryError, a StackOverflowError or a hang.
 */
@Timeout(30)
class MalformedClassInputTest {
    @RegisterExtension
    final Buffers buffers = new Buffers();

    private Value read(byte[] encaps, ValueFactory factory, int depthMax) {
        InputStream in = new InputStream(buffers.of(encaps), null, factory, depthMax);
        in.startEncapsulation();
        ValueHolder<Value> holder = new ValueHolder<>();
        in.readValue(holder, Value.class);
        in.endEncapsulation();
        return holder.value;
    }

    private Value read(String body) {
        return read(Hex.parse(Hex.encaps(body)), CapValues.knowingAll(), 100);
    }

    private byte[] write(FormatType format, Value v) {
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_1, format);
        out.writeValue(v);
        out.endEncapsulation();
        return ByteBufUtil.getBytes(out.buffer());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "a back reference to an instance never read;      03",
        "a back reference to itself from outside;          02",
        "a type id index out of range;                     01 22 05 01 00 00 00 00",
        "a type id index of 0;                             01 22 00 01 00 00 00 00",
        "a first slice without a type id;                  01 20 01 00 00 00 00",
        "an indirection index out of range;                01 39 0b \"::Cap::Node\" 09 00 00 00 06 00 00 00 02 | 01 | 01 31 01 09 00 00 00 05 00 00 00 00",
        "an empty indirection table;                       01 39 0b \"::Cap::Node\" 09 00 00 00 06 00 00 00 01 | 00",
        "a null entry in an indirection table;             01 39 0b \"::Cap::Node\" 09 00 00 00 06 00 00 00 01 | 01 00",
        "a slice size smaller than its members;            01 31 0b \"::Cap::Node\" 05 00 00 00 06 00 00 00 00",
        "an unknown sliced type followed by nothing;       01 10 0b \"::Cap::Zzzz\" 04 00 00 00",
        "an unknown compact type;                          01 21 0b \"::Cap::Zzzz\" 00",
        "an unknown compact id;                            01 23 63 00",
    })
    void isAMarshalException(String what, String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MarshalException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "a slice size beyond the data;                     01 31 0b \"::Cap::Node\" 50 00 00 00 06 00 00 00 00",
        "an indirection table of two billion entries;      01 39 0b \"::Cap::Node\" 09 00 00 00 06 00 00 00 01 | ff ff ff ff 7f",
        "an instance cut short;                            01 21 0b \"::Cap::Node\" 06 00",
        "a million instances announced in 3 bytes;         01 21 0b",
    })
    void isOutOfBounds(String what, String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @Test
    void aChainAsDeepAsTheLimitIsRead() {
        assertThat(read(write(FormatType.COMPACT, chain(100)), CapValues.knowingAll(), 100)).isNotNull();
    }

    @Test
    void aChainDeeperThanTheLimitIsRefusedInBothFormats() {
        for (FormatType format : new FormatType[] {FormatType.COMPACT, FormatType.SLICED}) {
            byte[] bytes = write(format, chain(101));

            assertThatThrownBy(() -> read(bytes, CapValues.knowingAll(), 100))
                    .as(format.toString())
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("Ice.ClassGraphDepthMax");
        }
    }

    @Test
    void unknownSlicesCountTowardsTheDepth() {
        // Every level is a RefNode whose reference sits in a slice the reader skips.
        RefNode top = new RefNode();
        RefNode level = top;
        for (int i = 0; i < 20; i++) {
            RefNode next = new RefNode();
            level.extra = next;
            level = next;
        }
        byte[] bytes = write(FormatType.SLICED, top);

        assertThatThrownBy(() -> read(bytes, CapValues.knowing(Node.TYPE_ID), 10))
                .isInstanceOf(MarshalException.class);
        assertThat(read(bytes, CapValues.knowing(Node.TYPE_ID), 30)).isNotNull();
    }

    @Test
    void aMillionNestedInstancesAreRefusedWithoutExhaustingTheStack() {
        // 01 21 0b "::Cap::Node" 00 00 00 00, then 01 22 01 00 00 00 00 repeated: each opens the next.
        byte[] head = Hex.parse("01 21 0b \"::Cap::Node\" 00 00 00 00");
        byte[] level = Hex.parse("01 22 01 00 00 00 00");
        byte[] body = Arrays.copyOf(head, head.length + level.length * 1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            System.arraycopy(level, 0, body, head.length + i * level.length, level.length);
        }

        assertThatThrownBy(() -> read(encapsulate(body), CapValues.knowingAll(), 100))
                .isInstanceOf(MarshalException.class);
    }

    @Test
    void everyTruncationAndThousandsOfMutationsOfValidGraphsAreMarshalExceptionsOrValues() {
        RefNode ref = new RefNode();
        ref.value = 1;
        ref.extra = new Node(2, ref);
        ref.setNote("n");
        Node labeled = new Node(6, new LabeledNode(5, ref, "L"));
        Random random = new Random(5);
        for (FormatType format : new FormatType[] {FormatType.COMPACT, FormatType.SLICED}) {
            byte[] valid = write(format, labeled);
            for (ValueFactory factory : new ValueFactory[] {CapValues.knowingAll(), CapValues.knowing(Node.TYPE_ID)}) {
                for (int n = 6; n < valid.length; n++) {
                    byte[] cut = Arrays.copyOf(valid, n);
                    setSize(cut);
                    assertOnlyMarshalExceptions(cut, factory);
                }
                for (int i = 0; i < 3000; i++) {
                    byte[] mutated = valid.clone();
                    int at = 6 + random.nextInt(valid.length - 6);
                    mutated[at] = (byte) random.nextInt(256);
                    assertOnlyMarshalExceptions(mutated, factory);
                }
            }
        }
    }

    private void assertOnlyMarshalExceptions(byte[] bytes, ValueFactory factory) {
        try {
            read(bytes, factory, 100);
        } catch (MarshalException expected) {
            // refused, as it should be
        } catch (RuntimeException | Error e) {
            throw new AssertionError("decoding " + Hex.of(bytes) + " raised " + e, e);
        }
    }

    private static byte[] encapsulate(byte[] body) {
        byte[] encaps = new byte[body.length + 6];
        System.arraycopy(body, 0, encaps, 6, body.length);
        encaps[4] = 1;
        encaps[5] = 1;
        setSize(encaps);
        return encaps;
    }

    private static void setSize(byte[] encaps) {
        int size = encaps.length;
        encaps[0] = (byte) size;
        encaps[1] = (byte) (size >> 8);
        encaps[2] = (byte) (size >> 16);
        encaps[3] = (byte) (size >> 24);
    }

    private static Node chain(int length) {
        Node head = null;
        for (int i = 0; i < length; i++) {
            head = new Node(i, head);
        }
        return head;
    }
}
