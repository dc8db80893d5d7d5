package io.floe.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where things are: the repository root, and {@code shared} cloned beside it. */
final class Repository {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private Repository() {
    }

    /** The nearest folder upwards from the working directory with ./floe and floe-parent's pom.xml. */
    static Path root() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("floe")) && isParentPom(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Floe repository root (a folder with ./floe and "
                + "floe-parent's pom.xml) above " + start);
    }

    /** {@code <repo>/../shared}; fails with what to do when it is missing. */
    static Path shared() {
        Path shared = root().getParent().resolve("shared").normalize();
        if (!Files.isRegularFile(shared.resolve("interop/demo_server.py"))) {
            throw new IllegalStateException("missing " + shared.resolve("interop/demo_server.py")
                    + " (expected: the shared folder cloned beside the repository, at " + shared
                    + ")");
        }
        return shared;
    }

    /** {@code <repo>/../shared/interop}, with Interop.ice, server.py and client.py. */
    static Path interop() {
        return shared().resolve("interop");
    }

    static Path demoIce() {
        return shared().resolve("interop/Demo.ice");
    }

    /** The reference server: {@code /usr/bin/python3 demo_server.py} on a free port. */
    static PeerProcess startReferenceDemoServer() {
        requirePython();
        return PeerProcess.start("demo_server.py", PYTHON.toString(),
                shared().resolve("interop/demo_server.py").toString(),
                "--Model.Endpoints=tcp -h 127.0.0.1 -p 0");
    }

    /**
     * Our server, {@code io.floe.demo.DemoServer} (what {@code ./floe demo-server} runs), in a
     * JVM with this test's classpath, so that no build starts inside the build.
     */
    static PeerProcess startFloeDemoServer(String... properties) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[5 + properties.length];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = "io.floe.demo.DemoServer";
        command[4] = "--Model.Endpoints=tcp -h 127.0.0.1 -p 0";
        System.arraycopy(properties, 0, command, 5, properties.length);
        return PeerProcess.start("floe demo-server", command);
    }

    /** The reference Interop.ice server: {@code /usr/bin/python3 server.py} on a free port. */
    static PeerProcess startReferenceInteropServer() {
        requirePython();
        return PeerProcess.start("server.py", PYTHON.toString(), interop().resolve("server.py").toString(),
                "tcp -h 127.0.0.1 -p 0");
    }

    /**
     * Our Interop.ice server, {@code io.floe.interop.InteropServer} (what {@code ./floe
     * interop-server} runs), in a JVM with this test's classpath.
     */
    static PeerProcess startFloeInteropServer(String... properties) {
        List<String> command = new ArrayList<>(javaCommand("io.floe.interop.InteropServer"));
        command.add("--Interop.Endpoints=tcp -h 127.0.0.1 -p 0");
        command.addAll(List.of(properties));
        return PeerProcess.start("floe interop-server", command.toArray(String[]::new));
    }

    /** {@code java -cp <this test's classpath> <mainClass>}. */
    static List<String> javaCommand(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), mainClass);
    }

    static void requirePython() {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("missing " + PYTHON + " (expected: Debian's python3 "
                    + "with the package python3-zeroc-ice; see README.md)");
        }
    }

    private static boolean isParentPom(Path pom) {
        try {
            return Files.isRegularFile(pom)
                    && Files.readString(pom).contains("<artifactId>floe-parent</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
