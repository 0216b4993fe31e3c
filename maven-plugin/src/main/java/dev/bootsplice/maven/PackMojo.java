package dev.bootsplice.maven;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ImagePacker;
import dev.bootsplice.format.PackSummary;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds a ZBI (or a bare BOOTFS) from directories, manifests, existing ZBIs, a kernel and command-line entries,
 * exactly as {@code bootsplice pack} does, and attaches it to the project as an artifact of type {@code zbi} so
 * that {@code install} and {@code deploy} publish it. The output is byte-for-byte reproducible; when neither the
 * inputs nor the configuration changed since the last build, packing is skipped.
 */
@Mojo(name = "pack", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class PackMojo extends AbstractMojo {
    /** The artifact type (and file extension) of packed images. */
    static final String ARTIFACT_TYPE = "zbi";
    /** Where {@link ProfileMojo} finds the image this goal packed in the same build. */
    static final String PACKED_IMAGE_KEY = "dev.bootsplice.maven.packedImage";

    /**
     * What to pack, in order: each is a directory (its tree, recursively), a manifest file ({@code target=source}
     * lines, sources relative to the manifest's folder) or an existing ZBI (its items kept, its BOOTFS merged).
     * Relative paths are relative to the project's base directory.
     */
    @Parameter(property = "bootsplice.inputs")
    private List<File> inputs = new ArrayList<>();

    /** A kernel image to put first, making the ZBI bootable. */
    @Parameter(property = "bootsplice.kernel")
    private File kernel;

    /** Kernel command-line entries, each as {@code bootsplice pack --cmdline=TEXT} takes it. */
    @Parameter(property = "bootsplice.cmdline")
    private List<String> cmdline = new ArrayList<>();

    /** Extra items as {@code TYPE:FILE} ({@code --item}); TYPE is a ZBI type name or hex code. */
    @Parameter(property = "bootsplice.items")
    private List<String> items = new ArrayList<>();

    /** A folder prefix for the BOOTFS names of directory and manifest inputs ({@code --prefix}). */
    @Parameter(property = "bootsplice.prefix")
    private String prefix;

    /**
     * Storage compression: {@code zstd}, {@code zstd:LEVEL}, {@code zstd:max}, {@code lz4f}, {@code lz4f:LEVEL},
     * {@code lz4f:max} or {@code none}. The default is the reference tool's, zstd level 4.
     */
    @Parameter(property = "bootsplice.compression", defaultValue = "zstd:4")
    private String compression;

    /** Writes a bare BOOTFS image instead of a ZBI ({@code --bootfs-only}). */
    @Parameter(property = "bootsplice.bootfsOnly", defaultValue = "false")
    private boolean bootfsOnly;

    /** The image file to write. */
    @Parameter(
            property = "bootsplice.outputFile",
            defaultValue = "${project.build.directory}/${project.build.finalName}.zbi")
    private File outputFile;

    /** Attaches the image to the project (type {@code zbi}) so install and deploy publish it. */
    @Parameter(property = "bootsplice.attach", defaultValue = "true")
    private boolean attach;

    /** The classifier of the attached image; none by default. */
    @Parameter(property = "bootsplice.classifier")
    private String classifier;

    /** Packs even when the inputs and configuration are unchanged since the last build. */
    @Parameter(property = "bootsplice.force", defaultValue = "false")
    private boolean force;

    /** Skips this goal. */
    @Parameter(property = "bootsplice.pack.skip", defaultValue = "false")
    private boolean skip;

    /** Skips every bootsplice goal of the build ({@code -Dbootsplice.skip}). */
    @Parameter(property = "bootsplice.skip", defaultValue = "false")
    private boolean skipAll;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    /** The plugin's jar and the libraries it runs; a rebuilt snapshot of any of them may pack differently. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true)
    private List<Artifact> pluginArtifacts;

    private final MavenProjectHelper projectHelper;

    /** Creates the goal with the helper that attaches the image to the project. */
    @Inject
    public PackMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip || skipAll) {
            getLog().info(Failures.line("pack skipped"));
            return;
        }
        Path output = outputFile.toPath().toAbsolutePath();
        Compression parsed = PackSettings.compression(compression);
        Path stampFile = stampFile(output);
        InputStamp stamp = stamp(parsed);
        try {
            if (!force && stamp.matches(stampFile, output)) {
                getLog().info(Failures.line(output.getFileName() + " is up to date"));
            } else {
                packTo(output, parsed);
                stamp.write(stampFile, output);
            }
        } catch (IOException e) {
            throw Failures.unreadable(stampFile, e);
        }
        project.setContextValue(PACKED_IMAGE_KEY, output.toFile());
        if (attach) {
            projectHelper.attachArtifact(project, ARTIFACT_TYPE, blankToNull(classifier), output.toFile());
        }
    }

    private void packTo(Path output, Compression parsed) throws MojoExecutionException {
        Path basedir = project.getBasedir().toPath();
        ImagePacker packer = new ImagePacker().compression(parsed).bootfsOnly(bootfsOnly);
        inputs.forEach(input -> packer.input(input.toPath()));
        if (kernel != null) {
            packer.kernel(kernel.toPath());
        }
        cmdline.forEach(packer::cmdline);
        for (PackSettings.ItemSpec item : PackSettings.items(items, basedir)) {
            packer.item(item.type(), item.file());
        }
        try {
            if (prefix != null && !prefix.isBlank()) {
                packer.prefix(prefix);
            }
            Files.createDirectories(output.getParent());
            PackSummary summary = packer.pack(output, true);
            getLog().info(Failures.line(String.format(
                    Locale.ROOT,
                    "Packed %s: %s, %s (%s), BOOTFS %,d bytes, image %,d bytes (%s)",
                    output.getFileName(),
                    count(summary.items(), "item"),
                    count(summary.files(), "file"),
                    count(summary.ranges(), "data range"),
                    summary.bootfsBytes(),
                    summary.outputBytes(),
                    parsed)));
        } catch (UsageException e) {
            throw Failures.badRequest(e);
        } catch (IOException e) {
            throw inputFailure(e);
        }
    }

    /**
     * An input the packer could not read: a broken input image carries its {@code FILE: item ...} message (the
     * format exception is the cause), other I/O failures name their file.
     */
    static MojoExecutionException inputFailure(IOException e) {
        if (e.getCause() instanceof ZbiFormatException
                || !(e instanceof FileSystemException fse)
                || fse.getFile() == null) {
            return new MojoExecutionException(Failures.line(e.getMessage()), e);
        }
        String reason = fse.getReason() != null ? fse.getReason() : Failures.reason(fse);
        return new MojoExecutionException(Failures.line(fse.getFile() + ": " + reason), e);
    }

    /** The stamp lives beside the other build state, not beside the (published) image. */
    private Path stampFile(Path output) {
        return Path.of(project.getBuild().getDirectory(), "bootsplice", output.getFileName() + ".stamp");
    }

    private InputStamp stamp(Compression parsed) throws MojoExecutionException {
        List<String> configuration =
                PackSettings.describe(pluginVersion, inputs, kernel, cmdline, items, prefix, parsed, bootfsOnly);
        List<Path> files = new ArrayList<>();
        inputs.forEach(f -> files.add(f.toPath()));
        if (kernel != null) {
            files.add(kernel.toPath());
        }
        PackSettings.items(items, project.getBasedir().toPath()).forEach(item -> files.add(item.file()));
        if (pluginArtifacts != null) {
            pluginArtifacts.stream()
                    .filter(a -> a.getFile() != null)
                    .forEach(a -> files.add(a.getFile().toPath()));
        }
        try {
            return InputStamp.of(configuration, files);
        } catch (IOException e) {
            throw inputFailure(e);
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
