package io.floe.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real ZeroC {@code icegridregistry} (Debian's zeroc-icegrid 3.7) on 127.0.0.1, its database
 * in a temporary folder, multicast discovery off, and an admin session open to anyone (its
 * NullPermissionsVerifier) so that tests can add well-known objects. Started by {@link #start}
 * (bounded, see {@link PeerProcess}); {@link #close} stops it and deletes the folder.
 */
final class IceGridRegistry implements AutoCloseable {
    static final Path ICEGRIDREGISTRY = Path.of("/usr/bin/icegridregistry");
    private static final int ATTEMPTS = 3;

    private final String instanceName;
    private final int clientPort;
    private final Path data;
    private final PeerProcess process;

    private IceGridRegistry(String instanceName, int clientPort, Path data, PeerProcess process) {
        this.instanceName = instanceName;
        this.clientPort = clientPort;
        this.data = data;
        this.process = process;
    }

    /**
     * Starts a registry named {@code instanceName}; {@code dynamicRegistration} lets any adapter
     * set its endpoints (IceGrid.Registry.DynamicRegistration), as servers outside a deployment need.
     */
    static IceGridRegistry start(String instanceName, boolean dynamicRegistration) throws IOException {
        if (!Files.isExecutable(ICEGRIDREGISTRY)) {
            throw new IllegalStateException("missing " + ICEGRIDREGISTRY + " (expected: Debian's package zeroc-icegrid;"
                    + " see README.md)");
        }
        Path data = Files.createTempDirectory("floe-icegrid-");
        RuntimeException last = null;
        // The client port is chosen free, then released for the registry: another process may
        // take it in between, so a failed start is tried again on another port.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                PeerProcess process = PeerProcess.startUntil("icegridregistry", "IceGrid.Registry.Client ready",
                        command(instanceName, port, data, dynamicRegistration));
                return new IceGridRegistry(instanceName, port, data, process);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        deleteRecursively(data);
        throw last;
    }

    private static String[] command(String instanceName, int port, Path data, boolean dynamicRegistration) {
        List<String> command = new ArrayList<>(List.of(ICEGRIDREGISTRY.toString(),
                "--Ice.PrintAdapterReady=1",
                "--IceGrid.InstanceName=" + instanceName,
                "--IceGrid.Registry.Client.Endpoints=tcp -h 127.0.0.1 -p " + port,
                "--IceGrid.Registry.Server.Endpoints=tcp -h 127.0.0.1",
                "--IceGrid.Registry.Internal.Endpoints=tcp -h 127.0.0.1",
                "--IceGrid.Registry.LMDB.Path=" + data,
                "--IceGrid.Registry.DynamicRegistration=" + (dynamicRegistration ? 1 : 0),
                "--IceGrid.Registry.Discovery.Enabled=0",
                "--IceGrid.Registry.AdminPermissionsVerifier=" + instanceName + "/NullPermissionsVerifier"));
        return command.toArray(String[]::new);
    }

    /** {@code <InstanceName>/Locator:tcp -h 127.0.0.1 -p <client port>}. */
    String locatorProxy() {
        return instanceName + "/Locator:tcp -h 127.0.0.1 -p " + clientPort;
    }

    String output() {
        return process.output();
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            deleteRecursively(data);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
