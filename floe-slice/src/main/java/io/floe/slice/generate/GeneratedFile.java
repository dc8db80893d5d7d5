package io.floe.slice.generate;

import static java.util.Objects.requireNonNull;

/** One Java source file: its path relative to the output directory, and its text. */
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        requireNonNull(path, "path");
        requireNonNull(content, "content");
    }
}
