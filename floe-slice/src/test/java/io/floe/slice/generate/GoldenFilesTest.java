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
 * The Java generated for Demo.ice, byte for byte. After an intended change, regenerate with
 * {@code mvn -o -pl floe-slice test -Dtest=GoldenFilesTest -Dfloe.updateGolden=true} and review
 * the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("floe.updateGolden");

    @Test
    void demoGeneratesExactlyTheGoldenFiles() throws IOException {
        Compilation.Result result = compile(slice("Demo.ice"));
        assertThat(result.errors()).isEmpty();

        if (UPDATE) {
            deleteTree(GOLDEN.resolve("Demo"));
            result.writeTo(GOLDEN);
        }
        List<String> goldenPaths;
        try (Stream<Path> files = Files.walk(GOLDEN.resolve("Demo"))) {
            goldenPaths = files.filter(Files::isRegularFile)
                    .map(p -> GOLDEN.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(result.files()).extracting(GeneratedFile::path).containsExactlyInAnyOrderElementsOf(goldenPaths);
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
