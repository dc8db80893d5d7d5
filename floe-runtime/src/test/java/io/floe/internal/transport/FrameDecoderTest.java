package io.floe.internal.transport;

import static io.floe.testing.HexBytes.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.MarshalException;
import io.floe.MemoryLimitException;
import io.floe.ProtocolException;
import io.floe.protocol.MessageType;
import io.floe.testing.LogCapture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Framing (ice-protocol.md §2.1, §2.9, §5.4) through a real pipeline, whole and byte by byte. */
@Timeout(10)
class FrameDecoderTest {
    /** §9.2: ice_ping of "hello", request id 1. */
    private static final String PING = "49 63 65 50 01 00 01 00 00 00 2b 00 00 00"
            + "01 00 00 00 05 68 65 6c 6c 6f 00 00 08 69 63 65 5f 70 69 6e 67 01 00 06 00 00 00 01 01";
    private static final String PING_BODY = "01 00 00 00 05 68 65 6c 6c 6f 00 00 08 69 63 65 5f 70 69 6e 67"
            + " 01 00 06 00 00 00 01 01";
    private static final String VALIDATE = "49 63 65 50 01 00 01 00 03 00 0e 00 00 00";
    private static final String CLOSE = "49 63 65 50 01 00 01 00 04 00 0e 00 00 00";

    private EmbeddedChannel channel;

    @AfterEach
    void releaseEverything() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void decodesAWholeRequest() {
        channel = decoder(1024 * 1024);

        channel.writeInbound(Unpooled.wrappedBuffer(parse(PING)));

        assertThat(drain()).containsExactly(new Decoded(MessageType.REQUEST, false, hex(parse(PING_BODY))));
    }

    @Test
    void decodesSeveralMessagesThatArriveInOneBuffer() {
        channel = decoder(1024 * 1024);

        channel.writeInbound(Unpooled.wrappedBuffer(parse(VALIDATE + PING + PING + CLOSE)));

        assertThat(drain()).containsExactly(
                new Decoded(MessageType.VALIDATE_CONNECTION, false, ""),
                new Decoded(MessageType.REQUEST, false, hex(parse(PING_BODY))),
                new Decoded(MessageType.REQUEST, false, hex(parse(PING_BODY))),
                new Decoded(MessageType.CLOSE_CONNECTION, false, ""));
    }

    @Test
    void decodesTheSameMessagesFedOneByteAtATime() {
        channel = decoder(1024 * 1024);
        byte[] stream = parse(VALIDATE + PING + PING + CLOSE);
        List<Decoded> decoded = new ArrayList<>();
        List<Integer> completedAt = new ArrayList<>();

        for (int i = 0; i < stream.length; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {stream[i]}));
            List<Decoded> now = drain();
            if (!now.isEmpty()) {
                decoded.addAll(now);
                completedAt.add(i + 1);
            }
        }

        assertThat(decoded).containsExactly(
                new Decoded(MessageType.VALIDATE_CONNECTION, false, ""),
                new Decoded(MessageType.REQUEST, false, hex(parse(PING_BODY))),
                new Decoded(MessageType.REQUEST, false, hex(parse(PING_BODY))),
                new Decoded(MessageType.CLOSE_CONNECTION, false, ""));
        // Each message comes out on its very last byte, not later.
        assertThat(completedAt).containsExactly(14, 14 + 43, 14 + 86, 14 + 86 + 14);
    }

    @Test
    void marksARequestWhoseSenderAcceptsCompressedReplies() {
        channel = decoder(1024 * 1024);
        String ping = PING.substring(0, 27) + "01" + PING.substring(29); // byte 9 = 1

        channel.writeInbound(Unpooled.wrappedBuffer(parse(ping)));

        assertThat(drain()).containsExactly(new Decoded(MessageType.REQUEST, true, hex(parse(PING_BODY))));
    }

    @Test
    void aMessageCutShortByThePeerClosingIsLoggedAndDropped() {
        channel = decoder(1024 * 1024);
        byte[] ping = parse(PING);

        try (LogCapture log = new LogCapture()) {
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(ping, ping.length - 5)));
            channel.finish();

            assertThat(drain()).isEmpty();
            assertThat(log.text()).contains("closed by the peer in the middle of a message")
                    .contains("24 bytes of the 29 body bytes of a REQUEST arrived");
        }
    }

    @Test
    void acceptsAMessageOfExactlyMessageSizeMax() {
        channel = decoder(43);

        channel.writeInbound(Unpooled.wrappedBuffer(parse(PING)));

        assertThat(drain()).containsExactly(new Decoded(MessageType.REQUEST, false, hex(parse(PING_BODY))));
    }

    @Test
    void refusesAnOversizedMessageAsSoonAsItsHeaderIsInBeforeTheBody() {
        channel = decoder(1024);
        byte[] header = message(MessageType.REQUEST, 0, new byte[0]);
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(10, 1_000_000);

        for (int i = 0; i < 13; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {header[i]}));
        }
        assertThat(drain()).isEmpty();

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {header[13]})))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isExactlyInstanceOf(MemoryLimitException.class)
                .hasMessage("message of 1000000 bytes (expected: <= 1024, see Ice.MessageSizeMax)");
    }

    @Test
    void refusesABadHeaderFedOneByteAtATimeOnItsFourteenthByte() {
        channel = decoder(1024);
        byte[] bad = parse("49 63 65 50 01 00 01 00 05 00 0e 00 00 00");

        for (int i = 0; i < 13; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {bad[i]}));
        }

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {bad[13]})))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("message type: 5 (expected: 0 to 4)");
    }

    @Test
    void refusesAValidateConnectionThatAnnouncesABodyWithoutWaitingForIt() {
        channel = decoder(1024);
        byte[] header = parse("49 63 65 50 01 00 01 00 03 00 10 00 00 00"); // size 16

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(header)))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("VALIDATE_CONNECTION of 16 bytes (expected: 14)");
    }

    @Test
    void refusesACloseConnectionWithABody() {
        channel = decoder(1024);
        byte[] withBody = parse("49 63 65 50 01 00 01 00 04 00 0f 00 00 00 00");

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(withBody)))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("CLOSE_CONNECTION of 15 bytes (expected: 14)");
    }

    @Test
    void decompressesABzip2Request() throws IOException {
        channel = decoder(1024 * 1024);
        byte[] body = longRequestBody(400);
        byte[] compressed = compressedMessage(MessageType.REQUEST, body);

        channel.writeInbound(Unpooled.wrappedBuffer(compressed));

        assertThat(compressed.length).isLessThan(14 + body.length);
        assertThat(drain()).containsExactly(new Decoded(MessageType.REQUEST, true, hex(body)));
    }

    @Test
    void decompressesABzip2RequestFedOneByteAtATime() throws IOException {
        channel = decoder(1024 * 1024);
        byte[] body = longRequestBody(400);
        byte[] compressed = compressedMessage(MessageType.REQUEST, body);
        List<Decoded> decoded = new ArrayList<>();

        for (byte b : compressed) {
            decoded.addAll(drain());
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertThat(decoded).isEmpty();
        assertThat(drain()).containsExactly(new Decoded(MessageType.REQUEST, true, hex(body)));
    }

    @Test
    void decompressesABzip2BatchRequestAndReply() throws IOException {
        channel = decoder(1024 * 1024);
        byte[] body = longRequestBody(200);

        channel.writeInbound(Unpooled.wrappedBuffer(compressedMessage(MessageType.BATCH_REQUEST, body)));
        channel.writeInbound(Unpooled.wrappedBuffer(compressedMessage(MessageType.REPLY, body)));

        assertThat(drain()).containsExactly(
                new Decoded(MessageType.BATCH_REQUEST, true, hex(body)),
                new Decoded(MessageType.REPLY, true, hex(body)));
    }

    @Test
    void checksTheUncompressedSizeOfACompressedMessageAgainstTheLimit() throws IOException {
        channel = decoder(1024);
        byte[] body = longRequestBody(4000); // 4000 'z' compress to far less than 1 KiB
        byte[] compressed = compressedMessage(MessageType.REQUEST, body);
        int uncompressed = 14 + body.length;

        assertThat(compressed.length).isLessThan(1024);
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(compressed)))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isExactlyInstanceOf(MemoryLimitException.class)
                .hasMessage("uncompressed message of " + uncompressed
                        + " bytes (expected: <= 1024, see Ice.MessageSizeMax)");
    }

    @Test
    void refusesACompressedBodyLongerThanItsAnnouncedSize() throws IOException {
        channel = decoder(1024 * 1024);
        byte[] body = longRequestBody(400);
        byte[] compressed = compressedMessage(MessageType.REQUEST, body);
        ByteBuffer.wrap(compressed).order(ByteOrder.LITTLE_ENDIAN).putInt(14, 14 + 100);

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(compressed)))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOf(MarshalException.class)
                .hasMessage("bzip2 body longer than the announced 100 bytes");
    }

    @Test
    void refusesACompressedBodyShorterThanItsAnnouncedSize() throws IOException {
        channel = decoder(1024 * 1024);
        byte[] body = longRequestBody(400);
        byte[] compressed = compressedMessage(MessageType.REQUEST, body);
        ByteBuffer.wrap(compressed).order(ByteOrder.LITTLE_ENDIAN).putInt(14, 14 + body.length + 1);

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(compressed)))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOf(MarshalException.class)
                .hasMessage("bzip2 body of " + body.length + " bytes (expected: " + (body.length + 1) + ")");
    }

    @Test
    void refusesACompressedBodyThatIsNotBzip2() {
        channel = decoder(1024 * 1024);
        byte[] notBzip2 = message(MessageType.REQUEST, 2, parse("2b 00 00 00 " + PING_BODY));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(notBzip2)))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOf(MarshalException.class)
                .hasMessageStartingWith("bad bzip2 body: ");
    }

    private static EmbeddedChannel decoder(int messageSizeMax) {
        return new EmbeddedChannel(new FrameDecoder(messageSizeMax));
    }

    /** A decoded frame as a value; reading it releases the body. */
    private record Decoded(MessageType type, boolean compressionSupported, String body) {
    }

    private List<Decoded> drain() {
        List<Decoded> decoded = new ArrayList<>();
        Frame frame;
        while ((frame = channel.readInbound()) != null) {
            ByteBuf body = frame.body();
            try {
                decoded.add(new Decoded(frame.type(), frame.compressionSupported(),
                        hex(ByteBufUtil.getBytes(body))));
            } finally {
                body.release();
            }
        }
        return decoded;
    }

    /** A Request body whose params encapsulation holds a string of {@code n} 'z' (§9.11). */
    private static byte[] longRequestBody(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parse("02 00 00 00 05 \"hello\" 00 00 08 \"echoLong\" 00 00"));
        int stringSize = n < 255 ? 1 : 5;
        ByteBuffer encaps = ByteBuffer.allocate(6 + stringSize + n).order(ByteOrder.LITTLE_ENDIAN);
        encaps.putInt(6 + stringSize + n).put((byte) 1).put((byte) 1);
        if (n < 255) {
            encaps.put((byte) n);
        } else {
            encaps.put((byte) 0xff).putInt(n);
        }
        byte[] zs = new byte[n];
        Arrays.fill(zs, (byte) 'z');
        encaps.put(zs);
        out.writeBytes(encaps.array());
        return out.toByteArray();
    }

    /** §2.9: the header (status 2, size on the wire), int32 uncompressed size, bzip2 of the body. */
    private static byte[] compressedMessage(MessageType type, byte[] body) throws IOException {
        ByteArrayOutputStream bz = new ByteArrayOutputStream();
        try (var out = new BZip2CompressorOutputStream(bz, 1)) {
            out.write(body);
        }
        byte[] stream = bz.toByteArray();
        assertThat(new String(stream, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("BZh1");
        ByteBuffer compressedBody = ByteBuffer.allocate(4 + stream.length).order(ByteOrder.LITTLE_ENDIAN);
        compressedBody.putInt(14 + body.length).put(stream);
        return message(type, 2, compressedBody.array());
    }

    private static byte[] message(MessageType type, int compression, byte[] body) {
        ByteBuffer m = ByteBuffer.allocate(14 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        m.put(parse("49 63 65 50 01 00 01 00")).put((byte) type.code()).put((byte) compression)
                .putInt(14 + body.length).put(body);
        return m.array();
    }

    private static String hex(byte[] bytes) {
        return io.floe.testing.HexBytes.format(bytes);
    }
}
