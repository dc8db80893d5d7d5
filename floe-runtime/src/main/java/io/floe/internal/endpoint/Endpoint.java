package io.floe.internal.endpoint;

import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import java.util.List;

/**
 * An endpoint of a proxy (ice-protocol.md §3.10, §6): a tcp endpoint Floe can connect to, or an
 * endpoint of a transport Floe does not have, kept opaque so that it is passed on unchanged.
 */
public sealed interface Endpoint permits TcpEndpoint, OpaqueEndpoint {
    /** The transport's type on the wire (1 = tcp). */
    short type();

    /** Writes the type and the encapsulated body. */
    void write(OutputStream out);

    /** Reads one encoded endpoint: its type, then its encapsulation. */
    static Endpoint read(InputStream in) {
        short type = in.readShort();
        if (type == TcpEndpoint.TYPE) {
            return TcpEndpoint.read(in);
        }
        return OpaqueEndpoint.read(type, in);
    }

    /** Parses {@code tcp ...}, {@code default ...} or {@code opaque -t N -e X.Y -v B64}. */
    static Endpoint parse(String text, String defaultHost) {
        List<String> tokens = Tokenizer.split(text);
        if (!tokens.isEmpty() && tokens.get(0).equals("opaque")) {
            return OpaqueEndpoint.parse(tokens, text);
        }
        return TcpEndpoint.parse(text, defaultHost);
    }
}
