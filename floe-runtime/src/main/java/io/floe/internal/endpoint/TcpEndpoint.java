package io.floe.internal.endpoint;

import io.floe.EndpointParseException;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import java.util.List;

/**
 * A {@code tcp} endpoint (ice-protocol.md §3.10, §6): host, port, timeout in ms (-1 infinite),
 * and whether to compress. Encoded as type 1 and an encapsulation.
 */
public record TcpEndpoint(String host, int port, int timeout, boolean compress) {
    public static final short TYPE = 1;
    public static final int DEFAULT_TIMEOUT = 60_000;

    public TcpEndpoint {
        if (port < 0 || port > 65535) {
            throw new EndpointParseException("port: " + port + " (expected: 0 to 65535)");
        }
    }

    /** Parses {@code tcp -h host -p port [-t ms|infinite] [-z]} (or {@code default ...}). */
    public static TcpEndpoint parse(String text, String defaultHost) {
        List<String> tokens = Tokenizer.split(text.trim());
        if (tokens.isEmpty()) {
            throw new EndpointParseException("empty endpoint");
        }
        String transport = tokens.get(0);
        if (!transport.equals("tcp") && !transport.equals("default")) {
            throw new EndpointParseException("transport '" + transport + "' in '" + text
                    + "' (expected: tcp; others are not supported yet)");
        }
        String host = defaultHost;
        int port = 0;
        int timeout = DEFAULT_TIMEOUT;
        boolean compress = false;
        for (int i = 1; i < tokens.size(); i++) {
            String option = tokens.get(i);
            switch (option) {
                case "-h" -> host = argument(tokens, ++i, option, text);
                case "-p" -> port = number(argument(tokens, ++i, option, text), option, text);
                case "-t" -> {
                    String value = argument(tokens, ++i, option, text);
                    timeout = value.equals("infinite") ? -1 : number(value, option, text);
                }
                case "-z" -> compress = true;
                default -> throw new EndpointParseException(
                        "unknown option '" + option + "' in endpoint '" + text + "'");
            }
        }
        return new TcpEndpoint(host, port, timeout, compress);
    }

    private static String argument(List<String> tokens, int i, String option, String text) {
        if (i >= tokens.size() || tokens.get(i).startsWith("-") && !tokens.get(i).matches("-\\d+")) {
            throw new EndpointParseException("no argument for " + option + " in endpoint '" + text + "'");
        }
        return tokens.get(i);
    }

    private static int number(String value, String option, String text) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new EndpointParseException("invalid " + option + " value '" + value + "' in endpoint '" + text + "'");
        }
    }

    public TcpEndpoint withPort(int newPort) {
        return new TcpEndpoint(host, newPort, timeout, compress);
    }

    public void write(OutputStream out) {
        out.writeShort(TYPE);
        out.startEncapsulation();
        out.writeString(host);
        out.writeInt(port);
        out.writeInt(timeout);
        out.writeBool(compress);
        out.endEncapsulation();
    }

    /** Reads the body after the type; the encapsulation is the stream's to check. */
    public static TcpEndpoint read(InputStream in) {
        in.startEncapsulation();
        String host = in.readString();
        int port = in.readInt();
        int timeout = in.readInt();
        boolean compress = in.readBool();
        in.endEncapsulation();
        return new TcpEndpoint(host, port, timeout, compress);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("tcp");
        if (host != null && !host.isEmpty()) {
            s.append(" -h ").append(host.contains(":") ? "\"" + host + "\"" : host);
        }
        s.append(" -p ").append(port);
        s.append(" -t ").append(timeout < 0 ? "infinite" : Integer.toString(timeout));
        if (compress) {
            s.append(" -z");
        }
        return s.toString();
    }
}
