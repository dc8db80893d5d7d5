package io.floe.slice.preprocess;

import static io.floe.slice.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.floe.slice.Diagnostic;
import io.floe.slice.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private List<SourceLine> process(Path file, List<Path> includes, Map<String, String> defines) {
        return new Preprocessor(includes, defines, diagnostics).process(file);
    }

    private static List<String> texts(List<SourceLine> lines) {
        return lines.stream().map(l -> l.text().strip()).toList();
    }

    private List<String> errors() {
        return diagnostics.errors().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void commentsBecomeSpacesSoColumnsStayTrue() {
        Path file = write(dir, "a.ice", "/* one\n two */ module /* x */ M // tail\n{ \"//not\" };\n");

        List<SourceLine> lines = process(file, List.of(), Map.of());

        assertThat(lines).extracting(SourceLine::text)
                .containsExactly("        module         M        ", "{ \"//not\" };");
        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).at(15).toString()).isEqualTo(file + ":2:16");
    }

    @Test
    void quotedIncludesResolveAgainstTheIncludingFileThenIncludeDirectories() {
        write(dir, "sub/b.ice", "#include <c.ice>\nB\n");
        write(dir, "inc/c.ice", "C\n");
        Path a = write(dir, "a.ice", "A1\n#include \"sub/b.ice\"\nA2\n");

        List<SourceLine> lines = process(a, List.of(dir.resolve("inc")), Map.of());

        assertThat(texts(lines)).containsExactly("A1", "C", "B", "A2");
        assertThat(lines.get(1).file()).isEqualTo(dir.resolve("inc/c.ice").toString());
        assertThat(lines.get(2).file()).isEqualTo(dir.resolve("sub/b.ice").toString());
        assertThat(lines.get(2).number()).isEqualTo(2);
        assertThat(errors()).isEmpty();
    }

    @Test
    void pragmaOnceAndIncludeGuardsIncludeAFileOnce() {
        write(dir, "once.ice", "#pragma once\nONCE\n");
        write(dir, "guarded.ice", "#ifndef G\n#define G\nGUARDED\n#endif\n");
        Path a = write(dir, "a.ice", "#include \"once.ice\"\n#include \"once.ice\"\n"
                + "#include \"guarded.ice\"\n#include \"guarded.ice\"\n");

        assertThat(texts(process(a, List.of(), Map.of()))).containsExactly("ONCE", "GUARDED");
    }

    @Test
    void conditionalsSelectBranchesWithDefinedAndOrAndNot() {
        Path a = write(dir, "a.ice", String.join("\n",
                "#if defined(X) && !defined(Y)", "one", "#elif defined(Y) || defined(Z)", "two",
                "#else", "three", "#endif",
                "#ifdef Y", "four", "#else", "five", "#endif",
                "#define Y", "#ifdef Y", "six", "#endif", "#undef Y", "#ifndef Y", "seven", "#endif",
                "#if defined(__SLICE2JAVA__)", "java", "#endif",
                "#if V >= 2", "v2", "#endif", ""));

        assertThat(texts(process(a, List.of(), Map.of("X", "1", "V", "3"))))
                .containsExactly("one", "five", "six", "seven", "java", "v2");
    }

    @Test
    void nestedConditionalsInsideAFalseBranchStayFalse() {
        Path a = write(dir, "a.ice", "#ifdef NOPE\n#ifndef ALSO\nhidden\n#else\nhidden2\n#endif\n"
                + "#else\nshown\n#endif\n");

        assertThat(texts(process(a, List.of(), Map.of()))).containsExactly("shown");
    }

    @Test
    void missingIncludesAndUnbalancedConditionalsAreLocatedErrors() {
        Path a = write(dir, "a.ice", "#include \"nope.ice\"\n  #endif\n#ifdef X\n/* open\n");

        process(a, List.of(), Map.of());

        assertThat(errors()).containsExactly(
                a + ":4:1: unterminated comment",
                a + ":1:1: cannot find include file 'nope.ice'",
                a + ":2:3: #endif without #if",
                a + ":3:1: unterminated conditional directive");
    }
}
