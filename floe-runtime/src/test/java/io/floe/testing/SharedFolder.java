package io.floe.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code shared} folder cloned beside the repository ({@code <repo>/../shared}), wherever the clone is. */
public final class SharedFolder {
    private SharedFolder() {
    }

    /** {@code <repo>/../shared/interop}: the Slice contracts and the reference Ice servers. */
    public static Path interop() {
        Path interop = repositoryRoot().getParent().resolve("shared").resolve("interop").normalize();
        if (!Files.isRegularFile(interop.resolve("server.py"))) {
            throw new IllegalStateException("missing " + interop.resolve("server.py")
                    + " (expected: the shared folder cloned beside the repository)");
        }
        return interop;
    }

    // The nearest folder upwards (from the module Maven runs the tests in) with the ./floe launcher.
    private static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("floe")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Floe repository (a folder with ./floe and pom.xml) above " + start);
    }
}
