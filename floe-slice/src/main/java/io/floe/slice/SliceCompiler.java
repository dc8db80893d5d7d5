package io.floe.slice;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code SliceCompiler [-I dir]... [-DNAME[=value]]... --output-dir out
 * file.ice...}. Errors go to stderr as {@code file:line:column: message}; the exit status is 1
 * and nothing is written when there is any.
 */
@Command(name = "floe slice", mixinStandardHelpOptions = true, version = "floe-slice 0.1",
        description = "Compiles Slice files to Java for Floe.")
public final class SliceCompiler implements Callable<Integer> {
    @Option(names = "-I", paramLabel = "dir", description = "Adds a directory to search for included files.")
    private List<Path> includeDirectories = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=value]", description = "Defines a preprocessor macro.")
    private List<String> defines = new ArrayList<>();

    @Option(names = "--output-dir", required = true, paramLabel = "dir",
            description = "Where to write the generated Java sources.")
    private Path outputDirectory;

    @Parameters(arity = "1..*", paramLabel = "file.ice", description = "The Slice files to compile.")
    private List<Path> files = new ArrayList<>();

    private PrintWriter err;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the compiler as {@link #main} does, without exiting; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        SliceCompiler compiler = new SliceCompiler();
        compiler.err = err;
        CommandLine commandLine = new CommandLine(compiler);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Compilation.Result result = Compilation.run(
                new Compilation.Options(files, includeDirectories, parseDefines(defines)));
        for (Diagnostic error : result.errors()) {
            err.println(error);
        }
        err.flush();
        if (!result.succeeded()) {
            return 1;
        }
        result.writeTo(outputDirectory);
        return 0;
    }

    static Map<String, String> parseDefines(List<String> defines) {
        Map<String, String> macros = new LinkedHashMap<>();
        for (String define : defines) {
            int equals = define.indexOf('=');
            if (equals < 0) {
                macros.put(define, "1");
            } else {
                macros.put(define.substring(0, equals), define.substring(equals + 1));
            }
        }
        return macros;
    }
}
