package io.floe;

/** The two ends of the TCP connection a request came on. */
public record ConnectionInfo(String localAddress, int localPort, String remoteAddress, int remotePort) {
    @Override
    public String toString() {
        return "local " + localAddress + ":" + localPort + ", remote " + remoteAddress + ":" + remotePort;
    }
}
