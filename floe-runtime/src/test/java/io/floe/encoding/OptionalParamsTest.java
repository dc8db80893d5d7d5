package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.Communicator;
import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.ObjectPrx;
import io.floe.Value;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Optional parameters of every format, tag 13 (a class) included: the capture of ice-protocol.md §9.8. */
@Timeout(30)
class OptionalParamsTest {
    private static final String OPTS_PARAMS = ""
            + "08 01 | 10 07 | 19 08 00 | 23 09 00 00 00 00 00 00 00 | 2b 00 00 00 00 00 00 f8 3f"
            + " | 34 02 | 3d 06 01 00 00 00 02 00 | 46 02 00 00 00 01 76"
            + " | 4d 09 02 01 00 00 00 02 00 00 00 | 55 02 05 06 | 5e 03 00 00 00 01 01 61"
            + " | 65 09 01 01 00 00 00 02 00 00 00"
            + " | 6f 01 21 09 \"::S::Node\" 03 00 00 00"
            + " | 76 1e 00 00 00 01 70 00 00 00 00 01 00 01 01 01 01 00 11 00 00 00 01 01 01 68 01 00 00 00"
            + " 60 ea 00 00 00"
            + " | f2 ff 2c 01 00 00 4d 00 00 00";

    private static Communicator communicator;

    @RegisterExtension
    final Buffers buffers = new Buffers();

    @BeforeAll
    static void start() {
        communicator = Communicator.initialize();
    }

    @AfterAll
    static void stop() {
        communicator.destroy();
    }

    /** {@code module S { class Node { int v; } }} */
    static final class SNode extends Value {
        static final String TYPE_ID = "::S::Node";
        int v;

        @Override
        public String ice_id() {
            return TYPE_ID;
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastValueSlice(TYPE_ID, -1);
            out.writeInt(v);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            v = in.readInt();
            in.endSlice();
        }
    }

    private static final ValueFactory S = typeId -> typeId.equals(SNode.TYPE_ID) ? new SNode() : null;

    private InputStream in(String body) {
        InputStream in = new InputStream(buffers.of(Hex.encaps(body)), communicator._instance().proxyDecoder(), S, 100);
        in.startEncapsulation();
        return in;
    }

    @Test
    void everyFormatIsWrittenAsCaptured() {
        ObjectPrx p = communicator.stringToProxy("p:tcp -h h -p 1");
        SNode node = new SNode();
        node.v = 3;
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_1, FormatType.COMPACT);

        out.writeOptional(1, OptionalFormat.F1);
        out.writeBool(true);
        out.writeOptional(2, OptionalFormat.F1);
        out.writeByte((byte) 7);
        out.writeOptional(3, OptionalFormat.F2);
        out.writeShort((short) 8);
        out.writeOptional(4, OptionalFormat.F8);
        out.writeLong(9);
        out.writeOptional(5, OptionalFormat.F8);
        out.writeDouble(1.5);
        out.writeOptional(6, OptionalFormat.SIZE);
        out.writeEnum(2);
        out.writeOptional(7, OptionalFormat.VSIZE);
        out.writeSize(6);
        out.writeInt(1);
        out.writeShort((short) 2);
        out.writeOptional(8, OptionalFormat.FSIZE);
        int vs = out.startSize();
        out.writeString("v");
        out.endSize(vs);
        out.writeOptional(9, OptionalFormat.VSIZE);
        out.writeSize(2 * 4 + 1);
        out.writeIntSeq(new int[] {1, 2});
        out.writeOptional(10, OptionalFormat.VSIZE);
        out.writeByteSeq(new byte[] {5, 6});
        out.writeOptional(11, OptionalFormat.FSIZE);
        int ss = out.startSize();
        out.writeStringSeq(new String[] {"a"});
        out.endSize(ss);
        out.writeOptional(12, OptionalFormat.VSIZE);
        out.writeSize(8 + 1);
        out.writeSize(1);
        out.writeInt(1);
        out.writeInt(2);
        out.writeOptional(13, OptionalFormat.CLASS);
        out.writeValue(node);
        out.writeOptional(14, OptionalFormat.FSIZE);
        int ps = out.startSize();
        out.writeProxy(p);
        out.endSize(ps);
        out.writeOptional(300, OptionalFormat.F4);
        out.writeInt(77);
        out.endEncapsulation();

        assertThat(Hex.of(out.buffer())).isEqualTo(Hex.canonical(Hex.encaps(OPTS_PARAMS)));
    }

    @Test
    void everyFormatIsReadBack() {
        InputStream in = in(OPTS_PARAMS);

        assertThat(in.readOptional(1, OptionalFormat.F1)).isTrue();
        assertThat(in.readBool()).isTrue();
        assertThat(in.readOptional(2, OptionalFormat.F1)).isTrue();
        assertThat(in.readByte()).isEqualTo((byte) 7);
        assertThat(in.readOptional(3, OptionalFormat.F2)).isTrue();
        assertThat(in.readShort()).isEqualTo((short) 8);
        assertThat(in.readOptional(4, OptionalFormat.F8)).isTrue();
        assertThat(in.readLong()).isEqualTo(9);
        assertThat(in.readOptional(5, OptionalFormat.F8)).isTrue();
        assertThat(in.readDouble()).isEqualTo(1.5);
        assertThat(in.readOptional(6, OptionalFormat.SIZE)).isTrue();
        assertThat(in.readEnum()).isEqualTo(2);
        assertThat(in.readOptional(7, OptionalFormat.VSIZE)).isTrue();
        in.skip(1);
        assertThat(in.readInt()).isEqualTo(1);
        assertThat(in.readShort()).isEqualTo((short) 2);
        assertThat(in.readOptional(8, OptionalFormat.FSIZE)).isTrue();
        in.skip(4);
        assertThat(in.readString()).isEqualTo("v");
        assertThat(in.readOptional(9, OptionalFormat.VSIZE)).isTrue();
        in.readSize();
        assertThat(in.readIntSeq()).containsExactly(1, 2);
        assertThat(in.readOptional(10, OptionalFormat.VSIZE)).isTrue();
        assertThat(in.readByteSeq()).containsExactly(5, 6);
        assertThat(in.readOptional(11, OptionalFormat.FSIZE)).isTrue();
        in.skip(4);
        assertThat(in.readStringSeq()).containsExactly("a");
        assertThat(in.readOptional(12, OptionalFormat.VSIZE)).isTrue();
        assertThat(in.readSize()).isEqualTo(9);
        assertThat(in.readSize()).isEqualTo(1);
        assertThat(in.readInt()).isEqualTo(1);
        assertThat(in.readInt()).isEqualTo(2);
        ValueHolder<SNode> n = new ValueHolder<>();
        assertThat(in.readOptional(13, OptionalFormat.CLASS)).isTrue();
        in.readValue(n, SNode.class);
        assertThat(in.readOptional(14, OptionalFormat.FSIZE)).isTrue();
        in.skip(4);
        ObjectPrx p = in.readProxy();
        assertThat(in.readOptional(299, OptionalFormat.F4)).isFalse();
        assertThat(in.readOptional(300, OptionalFormat.F4)).isTrue();
        assertThat(in.readInt()).isEqualTo(77);
        assertThat(in.readOptional(301, OptionalFormat.F4)).isFalse();
        in.endEncapsulation();

        assertThat(n.value.v).isEqualTo(3);
        assertThat(communicator.proxyToString(p)).isEqualTo("p -t -e 1.1:tcp -h h -p 1 -t 60000");
    }

    @Test
    void aReaderThatWantsOnlyTheLastTagSkipsTheClassOnTheWay() {
        InputStream in = in(OPTS_PARAMS);

        assertThat(in.readOptional(300, OptionalFormat.F4)).isTrue();
        assertThat(in.readInt()).isEqualTo(77);
        in.endEncapsulation();
    }

    @Test
    void aReaderThatKnowsNoneSkipsThemAllAtTheEndOfTheEncapsulation() {
        InputStream in = in(OPTS_PARAMS);

        in.endEncapsulation();

        assertThat(in.remaining()).isZero();
    }

    @Test
    void anOptionalOfAnotherFormatThanDeclaredIsRefused() {
        InputStream in = in("12 0b 00 00 00");

        assertThatThrownBy(() -> in.readOptional(2, OptionalFormat.F8))
                .isInstanceOf(MarshalException.class)
                .hasMessage("optional tag 2: format F4 (expected: F8)");
    }

    @Test
    void anEncoding10EncapsulationHasNoOptionals() {
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_0, FormatType.COMPACT);

        assertThat(out.writeOptional(1, OptionalFormat.F4)).isFalse();
        out.endEncapsulation();

        assertThat(Hex.of(ByteBufUtil.getBytes(out.buffer()))).isEqualTo("06 00 00 00 01 00");
    }
}
