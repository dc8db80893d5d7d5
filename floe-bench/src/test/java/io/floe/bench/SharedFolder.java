package io.floe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code shared} folder cloned beside the repository: {@code <repo>/../shared}. */
final class SharedFolder {
    private SharedFolder() {
    }

    /** The repository root: the nearest folder upwards with the {@code floe} launcher and floe-parent's pom. */
    static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("floe")) && isParentPom(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Floe repository root (a folder with ./floe and "
                + "floe-parent's pom.xml) above " + start);
    }

    /** {@code <repo>/../shared}, whether or not it exists. */
    static Path expected() {
        return repositoryRoot().getParent().resolve("shared").normalize();
    }

    /** {@code <repo>/../shared}; fails with what to do when it is missing. */
    static Path locate() {
        Path shared = expected();
        if (!Files.isDirectory(shared.resolve("bench"))) {
            throw new IllegalStateException("missing " + shared.resolve("bench")
                    + " (expected: the shared folder cloned beside the repository, "
                    + "holding bench/Bench.ice)");
        }
        return shared;
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
