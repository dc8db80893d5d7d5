package io.floe.encoding;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Byte dumps written as in ice-protocol.md: hex pairs, {@code "quoted ASCII"} and {@code |}
 * separators, so a test can paste a capture as it is printed there.
 */
final class Hex {
    private Hex() {
    }

    static byte[] parse(String dump) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < dump.length()) {
            char c = dump.charAt(i);
            if (Character.isWhitespace(c) || c == '|') {
                i++;
            } else if (c == '"') {
                int close = dump.indexOf('"', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated string in: " + dump);
                }
                bytes.writeBytes(dump.substring(i + 1, close).getBytes(StandardCharsets.US_ASCII));
                i = close + 1;
            } else {
                bytes.write(Integer.parseInt(dump.substring(i, i + 2), 16));
                i += 2;
            }
        }
        return bytes.toByteArray();
    }

    /** {@code body} inside a 1.1 encapsulation header whose size is computed. */
    static String encaps(String body) {
        int size = parse(body).length + 6;
        return String.format("%02x %02x %02x %02x 01 01 | ", size & 0xff, (size >> 8) & 0xff,
                (size >> 16) & 0xff, size >>> 24) + body;
    }

    /** The dump in a canonical form (lower-case pairs, one space apart), for readable diffs. */
    static String canonical(String dump) {
        return of(parse(dump));
    }

    static String of(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }

    /** The readable bytes of {@code buf}, without moving its reader index. */
    static String of(ByteBuf buf) {
        return of(ByteBufUtil.getBytes(buf));
    }
}
