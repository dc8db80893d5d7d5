package io.floe.protocol;

import static io.floe.testing.HexBytes.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.BadMagicException;
import io.floe.ProtocolException;
import io.floe.testing.HexBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The 14-byte header against ice-protocol.md §2.1 and the captures of §9. */
@Timeout(10)
class MessageHeaderTest {
    private static final String VALIDATE = "49 63 65 50 01 00 01 00 03 00 0e 00 00 00";
    private static final String CLOSE = "49 63 65 50 01 00 01 00 04 00 0e 00 00 00";

    @Test
    void writesValidateConnectionAsCaptured() {
        assertThat(written(MessageType.VALIDATE_CONNECTION, CompressionStatus.NONE, 0)).isEqualTo(VALIDATE);
    }

    @Test
    void writesCloseConnectionAsCaptured() {
        assertThat(written(MessageType.CLOSE_CONNECTION, CompressionStatus.NONE, 0)).isEqualTo(CLOSE);
    }

    @Test
    void patchesTheSizeOfARequestToCountTheHeader() {
        // §9.2: H(Request, 0, 43) for the ice_ping of "hello", 29 body bytes.
        assertThat(written(MessageType.REQUEST, CompressionStatus.NONE, 29))
                .startsWith("49 63 65 50 01 00 01 00 00 00 2b 00 00 00");
    }

    @Test
    void patchesTheSizeOfAReplyAndWritesTheCompressionStatus() {
        // §9.2 reply header, and §9.11's compressed request header (98 bytes on the wire).
        assertThat(written(MessageType.REPLY, CompressionStatus.NONE, 11))
                .startsWith("49 63 65 50 01 00 01 00 02 00 19 00 00 00");
        assertThat(written(MessageType.REQUEST, CompressionStatus.COMPRESSED, 84))
                .startsWith("49 63 65 50 01 00 01 00 00 02 62 00 00 00");
        assertThat(written(MessageType.BATCH_REQUEST, CompressionStatus.SUPPORTED, 0))
                .isEqualTo("49 63 65 50 01 00 01 00 01 01 0e 00 00 00");
    }

    @Test
    void writesAtTheWriterIndexAndReturnsWhereTheHeaderStarts() {
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeBytes(new byte[] {7, 7, 7});
            int start = MessageHeader.write(out, MessageType.REPLY, CompressionStatus.NONE);
            out.writeBytes(new byte[5]);
            MessageHeader.patchSize(out, start);

            assertThat(start).isEqualTo(3);
            assertThat(out.getIntLE(3 + 10)).isEqualTo(19);
        } finally {
            out.release();
        }
    }

    @Test
    void readsTheCapturedValidateConnection() {
        assertThat(read(VALIDATE))
                .isEqualTo(new MessageHeader(MessageType.VALIDATE_CONNECTION, CompressionStatus.NONE, 14));
    }

    @Test
    void readsEveryTypeAndCompressionStatusAndALittleEndianSize() {
        assertThat(read("49 63 65 50 01 00 01 00 00 02 62 00 00 00"))
                .isEqualTo(new MessageHeader(MessageType.REQUEST, CompressionStatus.COMPRESSED, 98));
        assertThat(read("49 63 65 50 01 00 01 00 01 01 59 00 00 00"))
                .isEqualTo(new MessageHeader(MessageType.BATCH_REQUEST, CompressionStatus.SUPPORTED, 89));
        assertThat(read("49 63 65 50 01 00 01 00 02 00 00 01 02 00"))
                .isEqualTo(new MessageHeader(MessageType.REPLY, CompressionStatus.NONE, 0x20100));
        assertThat(read("49 63 65 50 01 00 01 00 04 01 0e 00 00 00"))
                .isEqualTo(new MessageHeader(MessageType.CLOSE_CONNECTION, CompressionStatus.SUPPORTED, 14));
    }

    @Test
    void readingAdvancesPastTheFourteenHeaderBytesOnly() {
        ByteBuf in = Unpooled.wrappedBuffer(parse(VALIDATE + " aa bb"));
        try {
            MessageHeader.read(in);
            assertThat(in.readerIndex()).isEqualTo(14);
        } finally {
            in.release();
        }
    }

    @Test
    void aWrittenHeaderReadsBackAsTheSameValue() {
        for (MessageType type : MessageType.values()) {
            for (CompressionStatus compression : CompressionStatus.values()) {
                ByteBuf buf = Unpooled.buffer();
                try {
                    MessageHeader.write(buf, type, compression);
                    assertThat(MessageHeader.read(buf)).isEqualTo(new MessageHeader(type, compression, 14));
                } finally {
                    buf.release();
                }
            }
        }
    }

    @Test
    void rejectsABadMagic() {
        assertThatThrownBy(() -> read("49 63 65 51 01 00 01 00 03 00 0e 00 00 00"))
                .isExactlyInstanceOf(BadMagicException.class)
                .hasMessage("magic: 0x49636551 (expected: 0x49636550 \"IceP\")");
        assertThatThrownBy(() -> read("47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31"))
                .isExactlyInstanceOf(BadMagicException.class)
                .hasMessage("magic: 0x47455420 (expected: 0x49636550 \"IceP\")");
    }

    @Test
    void rejectsProtocolTwoAndProtocolOneOne() {
        assertThatThrownBy(() -> read("49 63 65 50 02 00 01 00 03 00 0e 00 00 00"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("protocol: 2.0 (expected: 1.0)");
        assertThatThrownBy(() -> read("49 63 65 50 01 01 01 00 03 00 0e 00 00 00"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("protocol: 1.1 (expected: 1.0)");
    }

    @Test
    void rejectsAHeaderEncodingOfOneOneWhichBelongsInEncapsulationsOnly() {
        assertThatThrownBy(() -> read("49 63 65 50 01 00 01 01 03 00 0e 00 00 00"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("header encoding: 1.1 (expected: 1.0)");
    }

    @Test
    void rejectsUnknownMessageTypeFive() {
        assertThatThrownBy(() -> read("49 63 65 50 01 00 01 00 05 00 0e 00 00 00"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("message type: 5 (expected: 0 to 4)");
        assertThatThrownBy(() -> read("49 63 65 50 01 00 01 00 ff 00 0e 00 00 00"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("message type: 255 (expected: 0 to 4)");
    }

    @Test
    void rejectsCompressionStatusThree() {
        assertThatThrownBy(() -> read("49 63 65 50 01 00 01 00 00 03 0e 00 00 00"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("compression status: 3 (expected: 0 to 2)");
    }

    @Test
    void rejectsASizeBelowTheHeaderItselfIncludingNegativeSizes() {
        assertThatThrownBy(() -> read("49 63 65 50 01 00 01 00 03 00 0d 00 00 00"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("message size: 13 (expected: >= 14)");
        assertThatThrownBy(() -> read("49 63 65 50 01 00 01 00 00 00 00 00 00 00"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("message size: 0 (expected: >= 14)");
        assertThatThrownBy(() -> read("49 63 65 50 01 00 01 00 00 00 ff ff ff ff"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("message size: -1 (expected: >= 14)");
    }

    @Test
    void theSizeCheckAlsoGuardsHeadersBuiltInCode() {
        assertThatThrownBy(() -> new MessageHeader(MessageType.REPLY, CompressionStatus.NONE, 5))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("message size: 5 (expected: >= 14)");
    }

    private static String written(MessageType type, CompressionStatus compression, int bodyBytes) {
        ByteBuf out = Unpooled.buffer();
        try {
            int start = MessageHeader.write(out, type, compression);
            out.writeZero(bodyBytes);
            MessageHeader.patchSize(out, start);
            return HexBytes.format(ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
    }

    private static MessageHeader read(String hex) {
        ByteBuf in = Unpooled.wrappedBuffer(parse(hex));
        try {
            return MessageHeader.read(in);
        } finally {
            in.release();
        }
    }
}
