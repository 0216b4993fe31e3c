package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.luben.zstd.ZstdOutputStream;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ImageGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults from outside the input's bytes, each in a child JVM: an image truncated under a running command, a
 * 17 KB image that honestly decompresses to 512 MiB in a 128 MiB heap, and a full and a read-only file system
 * under {@code extract}. Every one ends with exit 3 and one line naming the file (and, for the model's memory,
 * the limit and the option that raises it), never a stack trace, an out-of-memory error or a JVM crash.
 */
@EnabledOnOs(OS.LINUX)
class FaultInjectionTest {
    private static final Duration HANG = Duration.ofMinutes(4);
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |\\b(?:java|javax|jdk|sun|com|net|org|dev|picocli)\\.[a-z]\\w*\\.|\\b[A-Z]\\w*(?:Exception|Error)\\b");
    /** What the truncation leaves of the image: less than one page, so every item now ends past the file. */
    private static final long CUT = 4096;
    /** Runs per command until one is truncated while reading (a fast run may finish first). */
    private static final int TRUNCATION_ATTEMPTS = 8;

    private static final long ZEROS = 512L << 20;

    @TempDir
    static Path shared;
    /** A zstd-compressed generated image whose reading takes long enough to be cut in the middle. */
    private static Path big;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeImages() throws Exception {
        big = shared.resolve("big.zbi");
        ImageGenerator.builder()
                .files(64)
                .size(256L << 20)
                .compression(Compression.DEFAULT)
                .build()
                .writeTo(big);
    }

    /** Returns true when process {@code pid} has {@code file} memory-mapped (it has opened the image). */
    private static boolean maps(long pid, Path file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "maps"))
                    .contains(file.toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code args} on a fresh copy of the big image, truncating the copy as soon as the child has mapped it. */
    private HardeningChild.Run truncatedWhileRunning(Path image, List<String> args) throws Exception {
        Files.copy(big, image, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // The jar's entry point: list and verify take its quick path, which bypasses picocli and Main.
        List<String> command = HardeningChild.command(Launcher.class, "1g", List.of(), args);
        Path logs = tmp.resolve("logs-" + System.nanoTime());
        return assertTimeoutPreemptively(HANG, () -> {
            Process p = HardeningChild.start(command, logs);
            while (p.isAlive() && !maps(p.pid(), image)) {
                Thread.onSpinWait();
            }
            try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
                f.setLength(CUT);
            }
            assertThat(p.waitFor(HANG.toMinutes(), TimeUnit.MINUTES)).isTrue();
            return new HardeningChild.Run(
                    p.exitValue(), HardeningChild.read(logs, "out.txt"), HardeningChild.read(logs, "err.txt"), 0, 0);
        });
    }

    @Test
    void anImageTruncatedUnderARunningCommandEndsWithOneLineNamingTheItemItCut() throws Exception {
        List<List<String>> commands = List.of(
                List.of("verify"),
                List.of("list", "--format=zbi"),
                List.of("splice", "--strategy=copy"),
                List.of("profile", "--strategies=copy"));
        for (List<String> c : commands) {
            Path image = tmp.resolve(c.get(0) + ".zbi");
            int faulted = 0;
            for (int attempt = 0; attempt < TRUNCATION_ATTEMPTS && faulted == 0; attempt++) {
                List<String> args = new ArrayList<>(c);
                args.add(1, image.toString());
                HardeningChild.Run r = truncatedWhileRunning(image, args);
                if (r.exitCode() == 0) {
                    continue; // the command read everything before the cut landed
                }
                faulted++;
                assertThat(r.exitCode()).as(c + "\n" + r).isEqualTo(3);
                assertThat(r.err().lines().toList())
                        .as(c + "\n" + r)
                        .containsExactly("bootsplice: " + image
                                + ": item 0 (BOOTFS) at 0x20: file shrank to " + CUT
                                + " bytes while being read (it had "
                                + Files.size(big) + ")");
                assertThat(r.err()).doesNotContainPattern(LEAK);
            }
            assertThat(faulted).as(c + ": runs cut while reading").isPositive();
        }
    }

    @Test
    void aNewlineInTheImagePathCannotForgeASecondLine() throws Exception {
        Path broken = Files.write(tmp.resolve("x\nbootsplice: forged.zbi"), new byte[20]);
        Cli.Result r = Cli.run("verify", broken.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines().toList())
                .as(r.toString())
                .containsExactly("bootsplice: " + tmp
                        + "/x\\x0abootsplice: forged.zbi: at 0x0: container header doesn't fit. Truncated?");

        Path valid = TestImages.writeSmall(tmp.resolve("ok\nforged.zbi"));
        Cli.Result ok = Cli.run("verify", valid.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out().lines().toList()).containsExactly("OK " + tmp + "/ok\\x0aforged.zbi");
    }

    /** Returns a ZBI of one zstd BOOTFS item: one file of 512 MiB − 4 KiB of zeros, 17 KB compressed. */
    private static byte[] zerosImage() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        byte[] name = "zeros\0\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer head = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0xa56d3ff9).putInt(12 + name.length).putInt(0).putInt(0);
        head.putInt(6).putInt((int) (ZEROS - 4096)).putInt(4096).put(name);
        try (ZstdOutputStream z = new ZstdOutputStream(frame, 19)) {
            z.write(head.array());
            byte[] zeros = new byte[1 << 20];
            for (long left = ZEROS - 4096; left > 0; left -= zeros.length) {
                z.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
        }
        return HardeningImages.container(HardeningImages.item(
                HardeningImages.BOOTFS,
                frame.toByteArray(),
                ZEROS,
                HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED));
    }

    @Test
    void aSmallImageHoldingHalfAGibibyteOfZerosRunsEveryCommandInA128MebibyteHeap() throws Exception {
        Path image = Files.write(tmp.resolve("zeros.zbi"), zerosImage());
        assertThat(Files.size(image)).isLessThan(32 << 10);
        Path out = tmp.resolve("out");
        Path results = tmp.resolve("results");
        String img = image.toString();
        List<String> args = List.of(
                results.toString(),
                "list",
                "--format=zbi",
                img,
                HardeningDriver.SEPARATOR,
                "verify",
                img,
                HardeningDriver.SEPARATOR,
                "extract",
                img,
                "-o",
                out.toString(),
                HardeningDriver.SEPARATOR,
                "splice",
                img,
                "--strategy=transfer",
                HardeningDriver.SEPARATOR,
                "profile",
                img,
                "--strategies=transfer");
        HardeningChild.Run run = HardeningChild.run(
                tmp.resolve("logs"), HANG, HardeningChild.command(HardeningDriver.class, "128m", List.of(), args));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<Cli.Result> r = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            r.add(new Cli.Result(
                    Integer.parseInt(Files.readString(results.resolve(i + ".exit"))),
                    Files.readString(results.resolve(i + ".out")),
                    Files.readString(results.resolve(i + ".err"))));
        }
        assertThat(r.get(0).exitCode()).as(r.get(0).toString()).isZero();
        assertThat(r.get(0).out()).contains(": 00001000 1ffff000 zeros");
        assertThat(r.get(1).exitCode()).as(r.get(1).toString()).isZero();
        assertThat(r.get(2).exitCode()).as(r.get(2).toString()).isZero();
        assertThat(Files.size(out.resolve("zeros"))).isEqualTo(ZEROS - 4096);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .as("no spool file left")
                    .containsExactly("zeros");
        }
        for (Cli.Result model : r.subList(3, 5)) {
            assertThat(model.exitCode()).as(model.toString()).isEqualTo(3);
            assertThat(model.err().lines().toList())
                    .as(model.toString())
                    .singleElement()
                    .asString()
                    .startsWith("bootsplice: " + img + ": model: ZX_ERR_NO_MEMORY: physical memory limit of ")
                    .endsWith(" bounds it; raise it with BOOTSPLICE_JAVA_OPTS=-Xmx...)");
        }
        for (Cli.Result c : r) {
            assertThat(c.err()).doesNotContainPattern(LEAK).doesNotContain("internal error");
        }
    }

    /** Mounts a 1 MiB tmpfs at a fresh folder, read-only when asked; skips when the machine does not allow it. */
    private Path smallFileSystem(String name, boolean readOnly) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Process p = new ProcessBuilder(
                        "mount", "-t", "tmpfs", "-o", "size=1m" + (readOnly ? ",ro" : ""), "tmpfs", dir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(
                p.waitFor() == 0, "cannot mount a small tmpfs here (needs root and mount rights): " + output.strip());
        return dir;
    }

    private static void unmount(Path dir) throws Exception {
        new ProcessBuilder("umount", dir.toString()).start().waitFor();
    }

    @Test
    void theFirstWriteFailureOfAFullFileSystemStopsExtractWithOneLineNamingThePath() throws Exception {
        Path image = tmp.resolve("four.zbi");
        ImageGenerator.builder().files(200).size(4L << 20).build().writeTo(image);
        Path full = smallFileSystem("full", false);
        try {
            Cli.Result r = Cli.run(
                    "extract", image.toString(), "-o", full.resolve("out").toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.err().lines().toList())
                    .as(r.toString())
                    .singleElement()
                    .asString()
                    .startsWith("bootsplice: " + full.resolve("out"))
                    .endsWith(": no space left on device");
            assertThat(r.out()).endsWith("; stopped at the first write failure\n");
        } finally {
            unmount(full);
        }
        Path readOnly = smallFileSystem("read-only", true);
        try {
            Cli.Result r = Cli.run(
                    "extract", image.toString(), "-o", readOnly.resolve("out").toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.err().lines().toList())
                    .as(r.toString())
                    .containsExactly("bootsplice: " + readOnly.resolve("out") + ": read-only file system");
        } finally {
            unmount(readOnly);
        }
    }
}
