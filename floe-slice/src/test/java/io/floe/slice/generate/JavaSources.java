package io.floe.slice.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.slice.Compilation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated Java with javac against the test class path, and loads the classes. */
final class JavaSources {
    private JavaSources() {
    }

    /**
     * Writes the generated files (and extra hand-written sources) under {@code dir}/src,
     * compiles them into {@code dir}/classes with the project's lint options, and fails the test
     * on any error or warning. Returns the classes directory.
     */
    static Path compile(Compilation.Result result, Path dir, Path... extraSources) {
        assertThat(result.errors()).isEmpty();
        try {
            Path src = dir.resolve("src");
            Path classes = dir.resolve("classes");
            Files.createDirectories(classes);
            result.writeTo(src);
            List<Path> sources = new ArrayList<>();
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
            sources.addAll(List.of(extraSources));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter messages = new StringWriter();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
                List<String> options = List.of("-d", classes.toString(), "-classpath",
                        System.getProperty("java.class.path"), "--release", "17",
                        "-Xlint:all,-serial,-processing", "-Werror");
                boolean ok = javac.getTask(messages, fileManager, null, options, null,
                        fileManager.getJavaFileObjectsFromPaths(sources)).call();
                assertThat(messages.toString()).as("javac output").isEmpty();
                assertThat(ok).as("javac succeeded").isTrue();
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URLClassLoader loader(Path classes) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    JavaSources.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
