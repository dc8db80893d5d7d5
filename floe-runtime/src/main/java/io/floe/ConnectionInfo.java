package io.floe;

/**
 * The two ends of a TCP connection, and who made it: {@code incoming} for a connection an
 * adapter accepted, the name of the adapter dispatching its requests ("" if none), and the
 * connection id of the proxies that made it ("" by default; {@code ice_connectionId}).
 */
public record ConnectionInfo(String localAddress, int localPort, String remoteAddress, int remotePort,
                             boolean incoming, String adapterName, String connectionId) {
    public ConnectionInfo {
        adapterName = adapterName == null ? "" : adapterName;
        connectionId = connectionId == null ? "" : connectionId;
    }

    /** Addresses only: an outgoing connection without adapter or connection id. */
    public ConnectionInfo(String localAddress, int localPort, String remoteAddress, int remotePort) {
        this(localAddress, localPort, remoteAddress, remotePort, false, "", "");
    }

    public ConnectionInfo withAdapterName(String name) {
        return new ConnectionInfo(localAddress, localPort, remoteAddress, remotePort, incoming, name, connectionId);
    }

    /** For logs: {@code local 127.0.0.1:50542, remote 127.0.0.1:10000}. */
    @Override
    public String toString() {
        return "local " + localAddress + ":" + localPort + ", remote " + remoteAddress + ":" + remotePort;
    }
}
