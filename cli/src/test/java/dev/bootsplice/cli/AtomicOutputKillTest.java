package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ImageGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL while it writes its output never leaves a partial output: each test starts a real
 * child JVM, waits until the temporary file appears next to the output, kills it with
 * {@link Process#destroyForcibly()} and checks what is left.
 *
 * <p>Expectation about leftovers, stated once: a SIGKILLed process cannot clean up, so its temporary file
 * stays. It is always a hidden file in the output's own folder, recognisably named ({@code .OUT.HEX.tmp} for
 * {@code pack}, {@code generate} and {@code profile -o}, {@code .bootsplice-HEX.tmp} for {@code extract}), and
 * the next run ignores it: it picks a fresh random name, succeeds, and leaves the stale file untouched.
 */
@EnabledOnOs(OS.LINUX)
class AtomicOutputKillTest {
    /** SIGKILL's exit status as the JVM reports it (128 + 9): proves the child died mid-run, not at its end. */
    private static final int KILLED = 137;
    /** Large enough that writing it takes seconds even on a fast disk, small enough to keep the suite quick. */
    private static final long IMAGE_SIZE = 96L << 20;

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Pattern AFTER_PROFILE_ATTEMPTS = Pattern.compile("\\.report\\.json\\.[0-9a-f]+\\.tmp");
    private static final int PROFILE_ATTEMPTS = 12;

    @TempDir
    static Path shared;
    /** An uncompressed generated ZBI (a kernel item, then a BOOTFS item of {@link #IMAGE_SIZE}). */
    private static Path image;
    /** The BOOTFS files of {@link #image} as a folder tree. */
    private static Path tree;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeInputs() throws Exception {
        image = shared.resolve("big.zbi");
        ImageGenerator.builder()
                .files(120)
                .size(IMAGE_SIZE)
                .compression(Compression.NONE)
                .kernel(true)
                .build()
                .writeTo(image);
        tree = shared.resolve("tree");
        Cli.Result r = Cli.run("extract", image.toString(), "-o", tree.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    /** What a kill left: the child's exit status and the folder's names afterwards. */
    private record Killed(int exitCode, List<String> names) {
        List<String> matching(Pattern p) {
            return names.stream().filter(n -> p.matcher(n).matches()).toList();
        }
    }

    /**
     * Starts {@code args} in a child JVM and SIGKILLs it as soon as a file matching {@code temp} appears in
     * {@code folder}; returns null when the child ended before any such file was seen.
     */
    private Killed killWhenTempAppears(Path folder, Pattern temp, String heap, String... args) throws Exception {
        return killWhen(
                folder,
                names -> Arrays.stream(names).anyMatch(n -> temp.matcher(n).matches()),
                heap,
                args);
    }

    /** As {@link #killWhenTempAppears} with any condition on the folder's names. */
    private Killed killWhen(Path folder, Predicate<String[]> condition, String heap, String... args) throws Exception {
        return assertTimeoutPreemptively(LIMIT, () -> {
            Process p = HardeningChild.start(HardeningChild.command(heap, List.of(), args), tmp.resolve("logs"));
            File dir = folder.toFile();
            while (true) {
                String[] names = dir.list();
                if (names != null && condition.test(names)) {
                    p.destroyForcibly();
                    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
                    return new Killed(p.exitValue(), names(folder));
                }
                if (!p.isAlive()) {
                    return null;
                }
                Thread.onSpinWait();
            }
        });
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static Pattern tempOf(String out) {
        return Pattern.compile(Pattern.quote("." + out + ".") + "[0-9a-f]+\\.tmp");
    }

    @Test
    void packKilledWhileWritingLeavesNoOutputAndTheNextRunIgnoresItsTemporaryFile() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("out"));
        Path out = folder.resolve("new.zbi");

        Killed k = killWhenTempAppears(
                folder, tempOf("new.zbi"), "512m", "pack", "-o", out.toString(), "--compress=none", tree.toString());

        assertThat(k).as("the child ended before its temporary file appeared").isNotNull();
        assertThat(k.exitCode()).isEqualTo(KILLED);
        assertThat(out).doesNotExist();
        List<String> stale = k.matching(tempOf("new.zbi"));
        assertThat(k.names())
                .as("nothing but the one temporary file")
                .containsExactlyElementsOf(stale)
                .hasSize(1);
        byte[] staleBytes = Files.readAllBytes(folder.resolve(stale.get(0)));

        Cli.Result again = Cli.run("pack", "-o", out.toString(), "--compress=none", tree.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Cli.run("verify", out.toString()).exitCode()).isZero();
        Path reference = tmp.resolve("reference.zbi");
        assertThat(Cli.run("pack", "-o", reference.toString(), "--compress=none", tree.toString())
                        .exitCode())
                .isZero();
        assertThat(Files.mismatch(out, reference))
                .as("the next run's output is complete")
                .isEqualTo(-1);
        assertThat(names(folder)).containsExactlyInAnyOrder("new.zbi", stale.get(0));
        assertThat(Files.readAllBytes(folder.resolve(stale.get(0))))
                .as("stale temp untouched")
                .isEqualTo(staleBytes);
    }

    @Test
    void generateWithForceKilledWhileWritingLeavesTheOldOutputByteForByte() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("out"));
        Path out = folder.resolve("gen.zbi");
        assertThat(Cli.run("generate", "-o", out.toString(), "--files=20", "--size=64KiB")
                        .exitCode())
                .isZero();
        byte[] old = Files.readAllBytes(out);

        Killed k = killWhenTempAppears(
                folder,
                tempOf("gen.zbi"),
                "512m",
                "generate",
                "-o",
                out.toString(),
                "--force",
                "--size=" + IMAGE_SIZE,
                "--files=120",
                "--compress=none");

        assertThat(k).as("the child ended before its temporary file appeared").isNotNull();
        assertThat(k.exitCode()).isEqualTo(KILLED);
        assertThat(Files.readAllBytes(out)).as("old output unchanged").isEqualTo(old);
        assertThat(k.matching(tempOf("gen.zbi"))).hasSize(1);
        assertThat(k.names()).hasSize(2);

        Cli.Result again = Cli.run("generate", "-o", out.toString(), "--force", "--files=30", "--size=128KiB");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Cli.run("verify", out.toString()).exitCode()).isZero();
        assertThat(names(folder)).hasSize(2).contains("gen.zbi");
    }

    @Test
    void extractItemsKilledWhileWritingLeavesOnlyCompleteItemFiles() throws Exception {
        Path folder = tmp.resolve("items");
        Pattern temp = Pattern.compile("\\.bootsplice-[0-9a-f]+\\.tmp");
        Files.createDirectories(folder);

        Killed k = killWhen(
                folder,
                names -> Arrays.asList(names).contains("001.kernel_x64.zbi")
                        && Arrays.stream(names).anyMatch(n -> temp.matcher(n).matches()),
                "1g",
                "extract",
                image.toString(),
                "-o",
                folder.toString(),
                "--items");
        Path reference = tmp.resolve("reference");
        Cli.Result full = Cli.run("extract", image.toString(), "-o", reference.toString(), "--items");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        assertThat(names(reference)).containsExactly("001.kernel_x64.zbi", "002.bootfs.zbi");

        assertThat(k).as("the child ended before its temporary file appeared").isNotNull();
        assertThat(k.exitCode()).isEqualTo(KILLED);
        List<String> complete = new ArrayList<>(k.names());
        complete.removeAll(k.matching(temp));
        assertThat(complete)
                .as("the kernel item written whole, the big BOOTFS item cut short")
                .containsExactly("001.kernel_x64.zbi");
        for (String name : complete) {
            assertThat(Files.mismatch(folder.resolve(name), reference.resolve(name)))
                    .as(name)
                    .isEqualTo(-1);
        }
        assertThat(k.matching(temp)).as("the file being written").hasSize(1);
        List<String> stale = k.matching(temp);

        Cli.Result again = Cli.run("extract", image.toString(), "-o", folder.toString(), "--items", "--force");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        for (String name : names(reference)) {
            assertThat(Files.mismatch(folder.resolve(name), reference.resolve(name)))
                    .as(name)
                    .isEqualTo(-1);
        }
        assertThat(names(folder))
                .as("the stale temporary file removed by the next run")
                .containsExactlyInAnyOrderElementsOf(names(reference));
    }

    /** Returns every file under {@code dir} whose name is an extraction's temporary file, relative to it. */
    private static List<String> leftovers(Path dir) throws IOException {
        Pattern temp = Pattern.compile("\\.bootsplice-[0-9a-f]+\\.tmp");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> temp.matcher(p.getFileName().toString()).matches())
                    .map(p -> dir.relativize(p).toString())
                    .toList();
        }
    }

    @Test
    void extractKilledMidFileThenRunWithForceLeavesNoTemporaryFileAndPackNeverPacksOne() throws Exception {
        byte[] blob = new byte[64 << 20];
        Arrays.fill(blob, (byte) 7);
        Path single = Files.write(
                tmp.resolve("blob.bootfs"),
                HardeningImages.bootfs(
                        List.of(
                                HardeningImages.utf8("a/small"),
                                HardeningImages.utf8("big/blob"),
                                HardeningImages.utf8("z/after")),
                        List.of(HardeningImages.utf8("small"), blob, HardeningImages.utf8("after"))));
        blob = null;
        Path out = Files.createDirectories(tmp.resolve("files"));
        Killed k = killWhen(
                out.resolve("big"),
                names -> Arrays.stream(names).anyMatch(n -> n.startsWith(".bootsplice-")),
                "512m",
                "extract",
                single.toString(),
                "-o",
                out.toString());
        assertThat(k).as("the child ended before a temporary file appeared").isNotNull();
        assertThat(k.exitCode()).isEqualTo(KILLED);
        assertThat(k.names()).as("the file in flight").isNotEmpty();

        Cli.Result again = Cli.run("extract", single.toString(), "-o", out.toString(), "--force");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(leftovers(out)).as("leftovers of the killed run").isEmpty();

        // A leftover in a folder no later run writes to is still never packed.
        Files.writeString(out.resolve(".bootsplice-0123abcd.tmp"), "half a file");
        Files.writeString(out.resolve(".new.zbi.0123456789abcdef.tmp"), "half an image");
        Path packed = tmp.resolve("packed.zbi");
        Cli.Result pack = Cli.run("pack", "-o", packed.toString(), "--compress=none", out.toString());
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        JsonNode listing = new ObjectMapper()
                .readTree(Cli.run("list", "--json", packed.toString()).out());
        List<String> packedNames = new ArrayList<>();
        listing.get("items").forEach(item -> {
            if (item.hasNonNull("bootfs")) {
                item.get("bootfs")
                        .get("entries")
                        .forEach(e -> packedNames.add(e.get("name").asText()));
            }
        });
        JsonNode original = new ObjectMapper()
                .readTree(Cli.run("list", "--json", single.toString()).out());
        List<String> originalNames = new ArrayList<>();
        original.get("items").forEach(item -> {
            if (item.hasNonNull("bootfs")) {
                item.get("bootfs")
                        .get("entries")
                        .forEach(e -> originalNames.add(e.get("name").asText()));
            }
        });
        assertThat(packedNames)
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(originalNames)
                .noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void profileReportKilledWhileWritingLeavesNoReportOrTheOldOne() throws Exception {
        Path small = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Path folder = Files.createDirectories(tmp.resolve("reports"));
        Path report = folder.resolve("report.json");
        Files.writeString(report, "{\"old\": true}\n");
        ObjectMapper json = new ObjectMapper();
        int killedMidWrite = 0;
        for (int attempt = 0; attempt < PROFILE_ATTEMPTS && killedMidWrite < 2; attempt++) {
            Killed k = killWhenTempAppears(
                    folder,
                    AFTER_PROFILE_ATTEMPTS,
                    "256m",
                    "profile",
                    small.toString(),
                    "--format=json",
                    "-o",
                    report.toString(),
                    "--force");
            String now = Files.readString(report);
            if (k == null) {
                // The report was written and renamed before a poll saw its temporary file: it must be whole.
                JsonNode root = json.readTree(now);
                assertThat(root.get("strategies")).hasSize(3);
                Files.writeString(report, "{\"old\": true}\n");
                continue;
            }
            killedMidWrite++;
            assertThat(k.exitCode()).isEqualTo(KILLED);
            assertThat(now).as("old report unchanged").isEqualTo("{\"old\": true}\n");
            assertThat(k.names()).contains("report.json");
            assertThat(k.names())
                    .allMatch(n -> n.equals("report.json")
                            || AFTER_PROFILE_ATTEMPTS.matcher(n).matches());
        }
        assertThat(killedMidWrite)
                .as("kills that landed while the report was being written")
                .isPositive();

        Cli.Result again = Cli.run("profile", small.toString(), "--format=json", "-o", report.toString(), "--force");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(json.readTree(report.toFile()).get("strategies")).hasSize(3);
    }
}
