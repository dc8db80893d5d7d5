package io.floe.maven;

import io.floe.slice.Compilation;
import io.floe.slice.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Compiles Slice files to Java with floe-slice and adds the output as a compile source root.
 * Compiles every {@code .ice} under {@code sourceDirectory} unless {@code sliceFiles} names
 * them; any compiler error fails the build with its {@code file:line:column: message}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project.basedir}/src/main/slice", property = "floe.slice.sourceDirectory")
    private File sourceDirectory;

    /** Explicit Slice files; when set, sourceDirectory is not scanned. */
    @Parameter(alias = "includes")
    private List<File> sliceFiles = new ArrayList<>();

    /** Directories searched by {@code #include}; sourceDirectory is always searched too. */
    @Parameter
    private List<File> includeDirectories = new ArrayList<>();

    /** Preprocessor macros, name to value. */
    @Parameter
    private Map<String, String> defines = new LinkedHashMap<>();

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/slice",
            property = "floe.slice.outputDirectory")
    private File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<Path> files = sliceFiles();
        if (files.isEmpty()) {
            getLog().info("No Slice files in " + sourceDirectory);
            return;
        }
        List<Path> includes = new ArrayList<>();
        includeDirectories.forEach(d -> includes.add(d.toPath()));
        if (sourceDirectory.isDirectory()) {
            includes.add(sourceDirectory.toPath());
        }
        Compilation.Result result = Compilation.run(new Compilation.Options(files, includes,
                defines == null ? Map.of() : defines));
        if (!result.succeeded()) {
            result.errors().forEach(error -> getLog().error(error.toString()));
            throw new MojoFailureException("Slice compilation failed with " + result.errors().size()
                    + " error(s):\n" + result.errors().stream().map(Diagnostic::toString)
                    .collect(Collectors.joining("\n")));
        }
        try {
            result.writeTo(outputDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write generated sources to " + outputDirectory, e);
        }
        getLog().info("Generated " + result.files().size() + " Java files from " + files.size()
                + " Slice file(s) into " + outputDirectory);
        project.addCompileSourceRoot(outputDirectory.getPath());
    }

    private List<Path> sliceFiles() throws MojoExecutionException {
        if (sliceFiles != null && !sliceFiles.isEmpty()) {
            return sliceFiles.stream().map(File::toPath).toList();
        }
        if (!sourceDirectory.isDirectory()) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sourceDirectory.toPath())) {
            return walk.filter(p -> p.toString().endsWith(".ice") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + sourceDirectory, e);
        }
    }
}
