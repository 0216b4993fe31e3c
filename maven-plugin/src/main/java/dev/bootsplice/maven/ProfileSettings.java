package dev.bootsplice.maven;

import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.splice.KernelEra;
import dev.bootsplice.splice.Trace;
import dev.bootsplice.splice.TraceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Turns the {@code profile} goal's parameters into the profiler's options, with the command line's meanings:
 * {@code trace} is {@code all}, {@code exec} or a trace file; {@code costModel} is {@code default} or a cost-model
 * JSON file. Files are resolved against the project's base directory and named in reports as configured, so a
 * report does not depend on where the project was checked out.
 */
final class ProfileSettings {
    /** The {@code costModel} value that selects {@link CostModel#defaults()}. */
    static final String DEFAULT_COST_MODEL = "default";

    private ProfileSettings() {}

    /**
     * Builds the options for profiling the image named {@code imagePath} in reports.
     *
     * @throws MojoExecutionException when a strategy is unknown or repeated, or a trace or cost-model file is
     *     unreadable or does not parse
     */
    static ProfileOptions options(
            List<String> strategies, String trace, String costModel, Path basedir, String imagePath)
            throws MojoExecutionException {
        return options(strategies, List.of(), trace, costModel, basedir, imagePath);
    }

    /**
     * The same options with the strategies run on each kernel {@code kernels} names ({@code 2023},
     * {@code 2024}, {@code 2025}, comma-separated or one per element; none named: the default, 2023).
     *
     * @throws MojoExecutionException when a strategy or kernel is unknown or repeated, or a trace or
     *     cost-model file is unreadable or does not parse
     */
    static ProfileOptions options(
            List<String> strategies,
            List<String> kernels,
            String trace,
            String costModel,
            Path basedir,
            String imagePath)
            throws MojoExecutionException {
        ProfileOptions base;
        try {
            base = ProfileOptions.defaults().withKernels(kernels(kernels));
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter("kernels", e.getMessage());
        }
        try {
            return base.withStrategies(StrategyList.parse(strategies))
                    .withTrace(trace(trace, basedir))
                    .withCostModel(costModel(costModel, basedir))
                    .withImagePath(imagePath);
        } catch (IllegalArgumentException e) {
            throw Failures.badParameter("strategies", e.getMessage());
        }
    }

    /** The kernels named, in order; the default kernels when none is named (or the parameter is unset). */
    static List<KernelEra> kernels(List<String> names) {
        List<KernelEra> kernels =
                NamedList.parse(names == null ? List.of() : names, KernelEra::parse, KernelEra::cliName, "kernel");
        return kernels.isEmpty() ? ProfileOptions.DEFAULT_KERNELS : kernels;
    }

    /** Returns the trace {@code spec} names: {@code all}, {@code exec} or a file relative to {@code basedir}. */
    static Trace trace(String spec, Path basedir) throws MojoExecutionException {
        switch (spec) {
            case "all":
                return Trace.all();
            case "exec":
                return Trace.exec();
            default:
                Path file = basedir.resolve(spec);
                try {
                    return Trace.parse(spec, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw Failures.unreadable(file, e);
                } catch (TraceException e) {
                    throw new MojoExecutionException(Failures.line(e.getMessage()), e);
                }
        }
    }

    /** Returns the cost model {@code spec} names: {@code default} or a JSON file relative to {@code basedir}. */
    static CostModel costModel(String spec, Path basedir) throws MojoExecutionException {
        if (DEFAULT_COST_MODEL.equals(spec)) {
            return CostModel.defaults();
        }
        Path file = basedir.resolve(spec);
        try {
            return CostModel.load(file);
        } catch (FileSystemException e) {
            throw Failures.unreadable(file, e);
        } catch (IOException e) {
            // Not a cost model: the library's reason already says which field is wrong.
            throw new MojoExecutionException(Failures.line(file + ": " + e.getMessage()), e);
        }
    }
}
