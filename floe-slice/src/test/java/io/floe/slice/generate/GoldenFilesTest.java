package io.floe.slice.generate;

import static io.floe.slice.TestFiles.compile;
import static io.floe.slice.TestFiles.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.slice.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java generated for Demo.ice and Interop.ice, byte for byte. After an intended change, regenerate with
 * {@code mvn -o -pl floe-slice test -Dtest=GoldenFilesTest -Dfloe.updateGolden=true} and review
 * the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("floe.updateGolden");

    @Test
    void demoGeneratesExactlyTheGoldenFiles() throws IOException {
        assertGolden("Demo.ice", "Demo");
    }

    @Test
    void interopGeneratesExactlyTheGoldenFiles() throws IOException {
        assertGolden("Interop.ice", "Interop", "FloeCompactId");
    }

    @Test
    void interopIsTheSharedContract() throws IOException {
        // Maven runs the tests in floe-slice/: the shared folder is beside the repository.
        Path shared = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
                .resolveSibling("shared").resolve("interop").resolve("Interop.ice");
        assertThat(shared).as("the shared folder beside the repository").isRegularFile();
        assertThat(Files.readString(slice("Interop.ice"))).isEqualTo(Files.readString(shared));
    }

    /** The files generated for {@code sliceFile} are exactly those under the golden directories. */
    private static void assertGolden(String sliceFile, String... directories) throws IOException {
        Compilation.Result result = compile(slice(sliceFile));
        assertThat(result.errors()).isEmpty();

        if (UPDATE) {
            for (String directory : directories) {
                deleteTree(GOLDEN.resolve(directory));
            }
            result.writeTo(GOLDEN);
        }
        List<String> goldenPaths = new java.util.ArrayList<>();
        for (String directory : directories) {
            try (Stream<Path> files = Files.walk(GOLDEN.resolve(directory))) {
                files.filter(Files::isRegularFile)
                        .map(p -> GOLDEN.relativize(p).toString().replace('\\', '/'))
                        .forEach(goldenPaths::add);
            }
        }
        assertThat(result.files()).extracting(GeneratedFile::path)
                .containsExactlyInAnyOrderElementsOf(goldenPaths);
        for (GeneratedFile file : result.files()) {
            assertThat(file.content()).as(file.path()).isEqualTo(Files.readString(GOLDEN.resolve(file.path())));
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertThat(compile(slice("Everything.ice")).files())
                .isEqualTo(compile(slice("Everything.ice")).files());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
