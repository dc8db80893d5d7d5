package io.floe.slice.generate;

import static io.floe.slice.TestFiles.compile;
import static io.floe.slice.TestFiles.slice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs generated code: src/test/resources/roundtrip/RoundTrips.java is compiled with the Java
 * generated from Everything.ice, loaded in-process and run; it writes every struct, enum,
 * exception, sequence and dictionary with the runtime's streams and reads it back.
 */
class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyGeneratedTypeSurvivesARoundTripThroughTheRuntimeStreams() throws Exception {
        Path classes = JavaSources.compile(compile(slice("Everything.ice"), slice("Shared.ice")), dir,
                Path.of("src/test/resources/roundtrip/RoundTrips.java"));

        try (var loader = JavaSources.loader(classes)) {
            @SuppressWarnings("unchecked")
            Callable<List<String>> roundTrips = (Callable<List<String>>) loader
                    .loadClass("roundtrip.RoundTrips").getConstructor().newInstance();

            assertThat(roundTrips.call()).isEmpty();
        }
    }

    /**
     * Classes and optionals through the real runtime: the captures of ice-protocol.md
     * §3.13-§3.15 byte for byte (src/test/resources/roundtrip/ClassRoundTrips.java, Cap.ice).
     */
    @Test
    void classesAndOptionalsMatchTheCapturedBytes() throws Exception {
        Path classes = JavaSources.compile(compile(slice("Cap.ice")), dir,
                Path.of("src/test/resources/roundtrip/ClassRoundTrips.java"));

        try (var loader = JavaSources.loader(classes)) {
            @SuppressWarnings("unchecked")
            Callable<List<String>> roundTrips = (Callable<List<String>>) loader
                    .loadClass("roundtrip.ClassRoundTrips").getConstructor().newInstance();

            assertThat(roundTrips.call()).isEmpty();
        }
    }

    @Test
    void theClassRoundTripsCompileWithTheGeneratedCode() {
        JavaSources.compile(compile(slice("Cap.ice")), dir,
                Path.of("src/test/resources/roundtrip/ClassRoundTrips.java"));
    }
}
