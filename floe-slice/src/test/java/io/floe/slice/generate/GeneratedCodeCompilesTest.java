package io.floe.slice.generate;

import static io.floe.slice.TestFiles.compile;
import static io.floe.slice.TestFiles.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.floe.slice.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedCodeCompilesTest {
    @TempDir
    Path dir;

    @Test
    void demoCompilesAgainstTheRuntime() {
        JavaSources.compile(compile(slice("Demo.ice")), dir);
    }

    @Test
    void interopCompilesAgainstTheRuntime() {
        JavaSources.compile(compile(slice("Interop.ice")), dir);
    }

    @Test
    void classesOptionalsDefaultsAndJavaMetadataCompileAgainstTheRuntime() {
        JavaSources.compile(compile(slice("Classes.ice")), dir);
    }

    @Test
    void benchCompilesAgainstTheRuntime() {
        JavaSources.compile(compile(slice("Bench.ice")), dir);
    }

    @Test
    void everyConstructOfEverythingCompilesAgainstTheRuntime() {
        JavaSources.compile(compile(slice("Everything.ice"), slice("Shared.ice")), dir);
    }

    /**
     * Every Slice file ZeroC ships (Debian's zeroc-ice-slice) generates Java that compiles,
     * without warnings, against floe-runtime. No file is skipped: local definitions generate
     * nothing, and everything else is in the contract.
     */
    @Test
    void theZerocSliceCorpusCompilesAgainstTheRuntime() throws Exception {
        Path corpus = Path.of("/usr/share/ice/slice");
        assumeTrue(Files.isDirectory(corpus), "zeroc-ice-slice is not installed (no " + corpus + ")");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".ice")).sorted().toList();
        }
        Compilation.Result result = Compilation.run(
                new Compilation.Options(files, List.of(corpus), Map.of()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.files()).hasSizeGreaterThan(200);
        JavaSources.compile(result, dir);
    }

    @Test
    void generatedCodeImportsOnlyTheFloeApiTheJdkAndOtherGeneratedTypes() {
        Compilation.Result result = compile(slice("Demo.ice"), slice("Bench.ice"),
                slice("Everything.ice"), slice("Shared.ice"), slice("Interop.ice"), slice("Classes.ice"));
        Set<String> generated = result.files().stream()
                .map(f -> "import " + f.path().replace('/', '.').replace(".java", ";"))
                .collect(Collectors.toSet());

        assertThat(result.files()).isNotEmpty().allSatisfy(file -> assertThat(
                Arrays.stream(file.content().split("\n")).filter(l -> l.startsWith("import ")))
                .as(file.path())
                .allMatch(l -> generated.contains(l) || l.matches("import (io\\.floe|io\\.floe\\.encoding"
                        + "|java(\\.[a-z]\\w*)+)\\.[A-Z]\\w*;")));
    }

    @Test
    void structsAndMethodsCarryTheMappedShapes() throws Exception {
        Path classes = JavaSources.compile(compile(slice("Everything.ice"), slice("Shared.ice")), dir);
        try (var loader = JavaSources.loader(classes)) {
            Class<?> derived = loader.loadClass("test.floe.Everything.Derived");
            Class<?> derivedPrx = loader.loadClass("test.floe.Everything.DerivedPrx");
            Class<?> async = loader.loadClass("test.floe.Everything.Async");

            assertThat(derived.getInterfaces()).extracting(Class::getSimpleName)
                    .containsExactly("Base", "Other");
            assertThat(derivedPrx.getInterfaces()).extracting(Class::getSimpleName)
                    .containsExactly("BasePrx", "OtherPrx");
            assertThat(derived.getMethod("opBool", boolean.class, boolean.class,
                    io.floe.Current.class).getReturnType().getSimpleName()).isEqualTo("OpBoolResult");
            assertThat(derived.getMethod("single", io.floe.Current.class).getReturnType().getSimpleName())
                    .isEqualTo("SingleResult");
            assertThat(derived.getMethod("ping", int.class, io.floe.Current.class).getReturnType())
                    .isEqualTo(int.class);
            assertThat(Arrays.stream(async.getDeclaredMethods()).map(m -> m.getName()))
                    .contains("next_async", "nothing_async", "echo_async")
                    .doesNotContain("next", "nothing", "echo");
            assertThat(loader.loadClass("test.floe.Everything.AMD_Async_next$Reply")).isNotNull();
        }
    }
}
