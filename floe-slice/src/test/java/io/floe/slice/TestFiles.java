package io.floe.slice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Slice test inputs: the resources under src/test/resources/slice, and files written ad hoc. */
public final class TestFiles {
    public static final Path SLICE = Path.of("src/test/resources/slice");

    private TestFiles() {
    }

    public static Path slice(String name) {
        return SLICE.resolve(name);
    }

    /** Writes {@code content} to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the files with no include directories or defines. */
    public static Compilation.Result compile(Path... files) {
        return Compilation.run(new Compilation.Options(List.of(files), List.of(), Map.of()));
    }

    /** The errors of compiling the files, as printed. */
    public static List<String> errors(Path... files) {
        return compile(files).errors().stream().map(Diagnostic::toString).toList();
    }
}
