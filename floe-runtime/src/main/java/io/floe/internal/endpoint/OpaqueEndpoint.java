package io.floe.internal.endpoint;

import io.floe.EncodingVersion;
import io.floe.EndpointParseException;
import io.floe.UnmarshalOutOfBoundsException;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An endpoint of a transport Floe does not support (ssl, udp, ws, ...), kept as Ice keeps it
 * (ice-protocol.md §3.10): its type, the encoding of its encapsulation and the raw body, written
 * back unchanged. Printed and parsed as {@code opaque -t 99 -e 1.1 -v AQID}.
 */
public record OpaqueEndpoint(short type, EncodingVersion encoding, byte[] bytes) implements Endpoint {
    public OpaqueEndpoint {
        if (type == TcpEndpoint.TYPE) {
            throw new IllegalArgumentException("type 1 is tcp (expected: another transport)");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Reads the encapsulation after the type; its version is kept, whatever it is. */
    static OpaqueEndpoint read(short type, InputStream in) {
        int size = in.readInt();
        if (size < 6 || size - 4 > in.remaining()) {
            throw new UnmarshalOutOfBoundsException("endpoint encapsulation size: " + size + ", "
                    + (in.remaining() + 4) + " bytes left");
        }
        EncodingVersion encoding = EncodingVersion.of(in.readByte() & 0xff, in.readByte() & 0xff);
        return new OpaqueEndpoint(type, encoding, in.readBlob(size - 6));
    }

    @Override
    public void write(OutputStream out) {
        out.writeShort(type);
        out.writeInt(bytes.length + 6);
        out.writeByte((byte) encoding.major());
        out.writeByte((byte) encoding.minor());
        out.buffer().writeBytes(bytes);
    }

    /**
     * Parses the tokens of {@code opaque -t TYPE [-e X.Y] -v BASE64} as Ice's
     * {@code OpaqueEndpointI} does. An opaque tcp endpoint ({@code -t 1}) becomes a tcp endpoint.
     */
    static Endpoint parse(List<String> tokens, String text) {
        int type = -1;
        EncodingVersion encoding = EncodingVersion.V1_0; // Ice's default when -e is missing
        byte[] bytes = null;
        for (int i = 1; i < tokens.size(); i++) {
            String option = tokens.get(i);
            String argument = i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("-") ? tokens.get(++i) : null;
            if (argument == null) {
                throw new EndpointParseException("no argument provided for " + option + " option in endpoint '"
                        + text.trim() + "'");
            }
            switch (option) {
                case "-t" -> {
                    try {
                        type = Integer.parseInt(argument);
                    } catch (NumberFormatException e) {
                        type = -1;
                    }
                    if (type < 0 || type > 65535) {
                        throw new EndpointParseException("type value '" + argument + "' out of range in endpoint '"
                                + text.trim() + "' (expected: 0 to 65535)");
                    }
                }
                case "-e" -> encoding = parseVersion(argument, text);
                case "-v" -> {
                    try {
                        bytes = Base64.getDecoder().decode(argument);
                    } catch (IllegalArgumentException e) {
                        throw new EndpointParseException("invalid base64 value '" + argument + "' in endpoint '"
                                + text.trim() + "'", e);
                    }
                }
                default -> throw new EndpointParseException("unrecognized argument '" + option + "' in endpoint '"
                        + text.trim() + "'");
            }
        }
        if (type < 0) {
            throw new EndpointParseException("no -t option in endpoint '" + text.trim() + "'");
        }
        if (bytes == null) {
            throw new EndpointParseException("no -v option in endpoint '" + text.trim() + "'");
        }
        if (type == TcpEndpoint.TYPE) {
            return opaqueTcp(encoding, bytes, text);
        }
        return new OpaqueEndpoint((short) type, encoding, bytes);
    }

    // Ice turns an opaque endpoint of a transport it has into that transport's endpoint.
    private static TcpEndpoint opaqueTcp(EncodingVersion encoding, byte[] body, String text) {
        var buf = Unpooled.buffer(body.length + 6);
        try {
            buf.writeIntLE(body.length + 6).writeByte(encoding.major()).writeByte(encoding.minor()).writeBytes(body);
            return TcpEndpoint.read(new InputStream(buf));
        } catch (RuntimeException e) {
            throw new EndpointParseException("invalid tcp body in endpoint '" + text.trim() + "': " + e.getMessage(), e);
        } finally {
            buf.release();
        }
    }

    private static EncodingVersion parseVersion(String value, String text) {
        int dot = value.indexOf('.');
        try {
            int major = Integer.parseInt(value.substring(0, dot));
            int minor = Integer.parseInt(value.substring(dot + 1));
            if (major >= 0 && major <= 255 && minor >= 0 && minor <= 255) {
                return new EncodingVersion(major, minor);
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new EndpointParseException("invalid encoding version '" + value + "' in endpoint '" + text.trim()
                + "' (expected: major.minor)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueEndpoint e && type == e.type && encoding.equals(e.encoding)
                && Arrays.equals(bytes, e.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + encoding.hashCode()) + Arrays.hashCode(bytes);
    }

    /** As Ice prints it: {@code opaque -t 99 -e 1.1 -v AQID} (no {@code -v} for an empty body). */
    @Override
    public String toString() {
        String s = "opaque -t " + type + " -e " + encoding;
        return bytes.length == 0 ? s : s + " -v " + Base64.getEncoder().encodeToString(bytes);
    }
}
