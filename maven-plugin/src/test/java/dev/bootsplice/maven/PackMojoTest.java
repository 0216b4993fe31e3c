package dev.bootsplice.maven;

import static dev.bootsplice.maven.MojoFixture.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.ZbiImage;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackMojoTest {
    @TempDir
    Path basedir;

    private MojoFixture fixture;
    private Path tree;
    private Path output;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new MojoFixture(basedir);
        tree = Files.createDirectories(basedir.resolve("src/boot/bin"));
        Files.writeString(tree.resolve("init"), "init\n");
        Files.writeString(tree.resolve("sh"), "shell\n");
        output = basedir.resolve("target/app-1.0.zbi");
    }

    /** A pack goal with the descriptor's defaults, packing src/boot. */
    private PackMojo pack() {
        PackMojo mojo = fixture.wire(new PackMojo(fixture.helper()));
        set(mojo, "inputs", new ArrayList<>(List.of(basedir.resolve("src/boot").toFile())));
        set(mojo, "cmdline", new ArrayList<>());
        set(mojo, "items", new ArrayList<>());
        set(mojo, "compression", "zstd:4");
        set(mojo, "outputFile", output.toFile());
        set(mojo, "attach", true);
        set(mojo, "pluginVersion", "test");
        return mojo;
    }

    private List<String> packedNames(Path image) throws Exception {
        try (ZbiImage zbi = ZbiImage.open(image)) {
            return Bootfs.parse(zbi.firstBootfs().orElseThrow().payload()).entries().stream()
                    .map(e -> e.name())
                    .toList();
        }
    }

    @Test
    void packsTheTreeAttachesItAndTellsProfileWhereItIs() throws Exception {
        pack().execute();

        assertThat(packedNames(output)).containsExactly("bin/init", "bin/sh");
        assertThat(fixture.attachments).containsExactly(new MojoFixture.Attachment("zbi", null, output.toFile()));
        assertThat(fixture.project.getContextValue(PackMojo.PACKED_IMAGE_KEY)).isEqualTo(output.toFile());
        assertThat(fixture.lines("INFO")).anySatisfy(l -> assertThat(l).startsWith("bootsplice: Packed app-1.0.zbi: "));
    }

    @Test
    void unchangedInputsAreNotPackedAgainButStillAttached() throws Exception {
        pack().execute();
        byte[] first = Files.readAllBytes(output);
        pack().execute();

        assertThat(fixture.lines("INFO")).filteredOn(l -> l.contains("Packed ")).hasSize(1);
        assertThat(fixture.lines("INFO")).contains("bootsplice: app-1.0.zbi is up to date");
        assertThat(Files.readAllBytes(output)).isEqualTo(first);
        assertThat(fixture.attachments).hasSize(2);
    }

    @Test
    void changedInputIsPackedAgain() throws Exception {
        pack().execute();
        Files.writeString(tree.resolve("sh"), "a longer shell\n");
        pack().execute();

        assertThat(fixture.lines("INFO")).filteredOn(l -> l.contains("Packed ")).hasSize(2);
        try (ZbiImage zbi = ZbiImage.open(output)) {
            Bootfs bootfs = Bootfs.parse(zbi.firstBootfs().orElseThrow().payload());
            ByteBuffer sh = bootfs.content(bootfs.entries().get(1));
            byte[] bytes = new byte[sh.remaining()];
            sh.get(bytes);
            assertThat(new String(bytes)).isEqualTo("a longer shell\n");
        }
    }

    @Test
    void changedConfigurationIsPackedAgain() throws Exception {
        pack().execute();
        set(pack(), "compression", "none").execute();
        assertThat(fixture.lines("INFO"))
                .filteredOn(l -> l.contains("Packed "))
                .hasSize(2)
                .last()
                .asString()
                .endsWith("(none)");
    }

    @Test
    void rebuiltPluginJarPacksAgain() throws Exception {
        Path jar = Files.writeString(basedir.resolve("plugin.jar"), "old classes");
        DefaultArtifact artifact = new DefaultArtifact(
                "dev.bootsplice",
                "bootfs-format",
                "0.1.0-SNAPSHOT",
                "compile",
                "jar",
                null,
                new DefaultArtifactHandler("jar"));
        artifact.setFile(jar.toFile());
        set(pack(), "pluginArtifacts", List.of(artifact)).execute();
        set(pack(), "pluginArtifacts", List.of(artifact)).execute();
        Files.writeString(jar, "new classes, same version");
        set(pack(), "pluginArtifacts", List.of(artifact)).execute();

        assertThat(fixture.lines("INFO")).filteredOn(l -> l.contains("Packed ")).hasSize(2);
        assertThat(fixture.lines("INFO"))
                .filteredOn(l -> l.endsWith("is up to date"))
                .hasSize(1);
    }

    @Test
    void forcePacksUnchangedInputs() throws Exception {
        pack().execute();
        set(pack(), "force", true).execute();
        assertThat(fixture.lines("INFO")).filteredOn(l -> l.contains("Packed ")).hasSize(2);
    }

    @Test
    void deletedOutputIsPackedAgain() throws Exception {
        pack().execute();
        Files.delete(output);
        pack().execute();
        assertThat(output).isRegularFile();
    }

    @Test
    void skipWritesAndAttachesNothing() throws Exception {
        set(pack(), "skip", true).execute();
        assertThat(output).doesNotExist();
        assertThat(fixture.attachments).isEmpty();
        assertThat(fixture.lines("INFO")).containsExactly("bootsplice: pack skipped");
    }

    @Test
    void classifierIsUsedAndAttachCanBeTurnedOff() throws Exception {
        set(pack(), "classifier", "boot").execute();
        assertThat(fixture.attachments)
                .extracting(MojoFixture.Attachment::classifier)
                .containsExactly("boot");

        Path other = basedir.resolve("target/other.zbi");
        PackMojo unattached = set(set(pack(), "attach", false), "outputFile", other.toFile());
        unattached.execute();
        assertThat(other).isRegularFile();
        assertThat(fixture.attachments).hasSize(1);
    }

    @Test
    void bootfsOnlyWritesABareBootfs() throws Exception {
        set(pack(), "bootfsOnly", true).execute();
        try (ZbiImage image = ZbiImage.open(output)) {
            assertThat(image.isBareBootfs()).isTrue();
        }
        assertThat(Files.readAllBytes(output)).startsWith(littleEndian(0xa56d3ff9));
    }

    @Test
    void prefixAppliesToTreeNames() throws Exception {
        set(pack(), "prefix", "pkg").execute();
        assertThat(packedNames(output)).containsExactly("pkg/bin/init", "pkg/bin/sh");
    }

    @Test
    void badCompressionFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> set(pack(), "compression", "gzip").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: <compression>: unrecognized compression algorithm syntax: gzip");
        assertThat(output).doesNotExist();
    }

    @Test
    void duplicateNamesFailAsTheCommandLineReportsThem() {
        PackMojo mojo = pack();
        set(
                mojo,
                "inputs",
                List.of(
                        basedir.resolve("src/boot").toFile(),
                        basedir.resolve("src/boot").toFile()));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: ")
                .hasMessageContaining("bin/init");
        assertThat(output).doesNotExist();
    }

    @Test
    void brokenInputImageFailsWithItsOneLineMessage() throws Exception {
        Path broken = basedir.resolve("in.zbi");
        Files.write(
                broken,
                ByteBuffer.allocate(32)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(0x544f4f42)
                        .putInt(4096)
                        .putInt(0x868cf7e6)
                        .putInt(0x00010000)
                        .putInt(0)
                        .putInt(0)
                        .putInt(0xb5781729)
                        .putInt(0x4a87e8d6)
                        .array());
        PackMojo mojo = set(pack(), "inputs", List.of(broken.toFile()));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: " + broken + ": at 0x0: container doesn't fit. Truncated?");
    }

    @Test
    void missingInputFailsNamingIt() {
        File missing = basedir.resolve("src/nothing-here").toFile();
        PackMojo mojo = set(pack(), "inputs", List.of(missing));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: " + missing);
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(value)
                .array();
    }
}
