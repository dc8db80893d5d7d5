package io.floe.slice;

import io.floe.slice.check.CheckedUnit;
import io.floe.slice.check.Checker;
import io.floe.slice.generate.GeneratedFile;
import io.floe.slice.generate.JavaGenerator;
import io.floe.slice.parse.Parser;
import io.floe.slice.parse.SliceUnit;
import io.floe.slice.preprocess.Preprocessor;
import io.floe.slice.preprocess.SourceLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the compiler over some Slice files: each is preprocessed, parsed, checked and
 * generated on its own (with what it includes), all in memory. Used by the command line and by
 * the Maven plugin.
 */
public final class Compilation {
    /** What to compile. {@code defines} maps macro names to values ("" for none). */
    public record Options(List<Path> files, List<Path> includeDirectories, Map<String, String> defines) {
        public Options {
            files = List.copyOf(files);
            includeDirectories = List.copyOf(includeDirectories);
            defines = Map.copyOf(defines);
        }
    }

    /** The errors (empty on success) and the generated files (empty on any error). */
    public record Result(List<Diagnostic> errors, List<GeneratedFile> files) {
        public Result {
            errors = List.copyOf(errors);
            files = List.copyOf(files);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }

        /** Writes every generated file under {@code directory}; nothing when there were errors. */
        public void writeTo(Path directory) throws IOException {
            if (!succeeded()) {
                return;
            }
            for (GeneratedFile file : files) {
                Path target = directory.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
            }
        }
    }

    private Compilation() {
    }

    public static Result run(Options options) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, GeneratedFile> files = new LinkedHashMap<>();
        for (Path file : options.files()) {
            Diagnostics unitDiagnostics = new Diagnostics();
            Preprocessor preprocessor = new Preprocessor(options.includeDirectories(),
                    options.defines(), unitDiagnostics);
            List<SourceLine> lines = preprocessor.process(file);
            SliceUnit unit = Parser.parse(file.toString(), lines, unitDiagnostics);
            CheckedUnit checked = Checker.check(unit, unitDiagnostics);
            if (!unitDiagnostics.hasErrors()) {
                for (GeneratedFile generated : JavaGenerator.generate(checked)) {
                    files.put(generated.path(), generated);
                }
            }
            unitDiagnostics.errors().forEach(d -> diagnostics.error(d.location(), d.message()));
        }
        List<GeneratedFile> output = diagnostics.hasErrors() ? List.of() : new ArrayList<>(files.values());
        return new Result(diagnostics.errors(), output);
    }
}
