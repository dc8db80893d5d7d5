package io.floe.internal.endpoint;

import io.floe.EndpointParseException;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import java.util.List;

/**
 * A {@code tcp} endpoint (ice-protocol.md §3.10, §6): host, port, timeout in ms (-1 infinite),
 * and whether to compress. Encoded as type 1 and an encapsulation.
 */
public record TcpEndpoint(String host, int port, int timeout, boolean compress) implements Endpoint {
    public static final short TYPE = 1;
    public static final int DEFAULT_TIMEOUT = 60_000;

    public TcpEndpoint {
        if (port < 0 || port > 65535) {
            throw new EndpointParseException("port: " + port + " (expected: 0 to 65535)");
        }
    }

    /**
     * Parses {@code tcp -h host -p port [-t ms|infinite] [-z]} (or {@code default ...}) as Ice's
     * {@code TcpEndpointI} does: a token that starts with '-' is never an option's argument, and
     * a repeated option wins.
     */
    public static TcpEndpoint parse(String text, String defaultHost) {
        List<String> tokens = Tokenizer.split(text);
        if (tokens.isEmpty()) {
            throw new EndpointParseException("empty endpoint");
        }
        String transport = tokens.get(0);
        if (!transport.equals("tcp") && !transport.equals("default")) {
            throw new EndpointParseException("transport '" + transport + "' in '" + text.trim()
                    + "' (expected: tcp; others are not supported yet)");
        }
        String host = defaultHost == null ? "" : defaultHost;
        int port = 0;
        int timeout = DEFAULT_TIMEOUT;
        boolean compress = false;
        for (int i = 1; i < tokens.size(); i++) {
            String option = tokens.get(i);
            if (option.length() < 2 || option.charAt(0) != '-') {
                throw new EndpointParseException("unrecognized argument '" + option + "' in endpoint '"
                        + text.trim() + "'");
            }
            String argument = null;
            if (i + 1 < tokens.size() && tokens.get(i + 1).charAt(0) != '-') {
                argument = tokens.get(++i);
            }
            switch (option) {
                case "-h" -> host = required(argument, option, text);
                case "-p" -> {
                    port = number(required(argument, option, text), "port", text);
                    if (port < 0 || port > 65535) {
                        throw new EndpointParseException("port value '" + argument + "' out of range in endpoint '"
                                + text.trim() + "' (expected: 0 to 65535)");
                    }
                }
                case "-t" -> {
                    String value = required(argument, option, text);
                    timeout = value.equals("infinite") ? -1 : number(value, "timeout", text);
                    if (timeout == 0 || timeout < -1) {
                        throw new EndpointParseException("invalid timeout value '" + value + "' in endpoint '"
                                + text.trim() + "' (expected: >= 1 or infinite)");
                    }
                }
                case "-z" -> {
                    if (argument != null) {
                        throw new EndpointParseException("unexpected argument '" + argument
                                + "' provided for -z option in '" + text.trim() + "'");
                    }
                    compress = true;
                }
                default -> throw new EndpointParseException("unrecognized argument '" + option + "' in endpoint '"
                        + text.trim() + "'");
            }
        }
        return new TcpEndpoint(host, port, timeout, compress);
    }

    private static String required(String argument, String option, String text) {
        if (argument == null) {
            throw new EndpointParseException("no argument provided for " + option + " option in endpoint '"
                    + text.trim() + "'");
        }
        return argument;
    }

    private static int number(String value, String what, String text) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new EndpointParseException("invalid " + what + " value '" + value + "' in endpoint '"
                    + text.trim() + "'");
        }
    }

    public TcpEndpoint withPort(int newPort) {
        return new TcpEndpoint(host, newPort, timeout, compress);
    }

    @Override
    public short type() {
        return TYPE;
    }

    @Override
    public void write(OutputStream out) {
        out.writeShort(TYPE);
        // The endpoint's encapsulation takes the enclosing stream's encoding (ice-protocol.md §3.10).
        out.startEncapsulation(out.encoding(), FormatType.DEFAULT);
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
