package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile images through every reading command ({@code list}, {@code verify}, {@code extract}, {@code splice},
 * {@code profile}), each in a child JVM capped at {@value #HEAP} of heap: decompression bombs, item and
 * directory-entry counts at and past the reader's limits, truncated files, a directory, a FIFO and an
 * unreadable file. Every invalid input ends with exit 3 and one line naming the file, never an out-of-memory
 * error (exit 1) and never a hang (a generous timeout guards each child).
 */
@EnabledOnOs(OS.LINUX)
class HostileInputTest {
    static final String HEAP = "256m";
    /** A hang guard only: each child runs five commands on a small input. */
    private static final Duration HANG = Duration.ofMinutes(4);
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |\\b(?:java|javax|jdk|sun|com|net|org|dev|picocli)\\.[a-z]\\w*\\.|\\b[A-Z]\\w*(?:Exception|Error)\\b");
    /** {@code ZbiImage.MAX_ITEMS}: the most items the reader accepts. */
    private static final int MAX_ITEMS = 1 << 20;
    /** One gibibyte: the size the bombs below claim or produce. */
    private static final long GIB = 1L << 30;

    @TempDir
    static Path shared;
    /** A zstd frame (no declared content size) of a BOOTFS header with no files followed by zeros, 1 GiB in all. */
    private static byte[] gibFrame;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compressOneGibibyte() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(bytes, 3)) {
            byte[] header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa56d3ff9).array();
            z.write(header);
            byte[] zeros = new byte[1 << 20];
            for (long left = GIB - header.length; left > 0; left -= zeros.length) {
                z.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
        }
        gibFrame = bytes.toByteArray();
    }

    /** The five commands' results for one image. */
    private record Results(Path image, List<Cli.Result> runs) {
        static final List<String> NAMES = List.of("list", "verify", "extract", "splice", "profile");

        Cli.Result of(String command) {
            return runs.get(NAMES.indexOf(command));
        }
    }

    /** Runs the five reading commands on {@code image} in one child JVM with {@link #HEAP} of heap. */
    private Results runAll(Path image) throws Exception {
        Path results = tmp.resolve("results-" + image.getFileName());
        String img = image.toString();
        List<String> args = new ArrayList<>(List.of(results.toString(),
                "list", img, HardeningDriver.SEPARATOR,
                "verify", img, HardeningDriver.SEPARATOR,
                "extract", img, "-o", tmp.resolve("out-" + image.getFileName()).toString(), HardeningDriver.SEPARATOR,
                "splice", img, "--strategy=transfer", HardeningDriver.SEPARATOR,
                "profile", img, "--strategies=clone,transfer"));
        HardeningChild.Run run = HardeningChild.run(tmp.resolve("logs-" + image.getFileName()), HANG,
                HardeningChild.command(HardeningDriver.class, HEAP, List.of(), args));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<Cli.Result> runs = new ArrayList<>();
        for (int i = 0; i < Results.NAMES.size(); i++) {
            runs.add(new Cli.Result(Integer.parseInt(Files.readString(results.resolve(i + ".exit"))),
                    Files.readString(results.resolve(i + ".out")), Files.readString(results.resolve(i + ".err"))));
        }
        return new Results(image, runs);
    }

    /** Asserts exit 3 and exactly one stderr line {@code bootsplice: IMAGE: ...REASON} without class names. */
    private static void assertRejected(Results r, String command, String reasonEnd) {
        Cli.Result c = r.of(command);
        assertThat(c.exitCode()).as(command + "\n" + c).isEqualTo(3);
        assertThat(c.err().lines().toList()).as(command + "\n" + c).hasSize(1);
        assertThat(c.err()).as(command).startsWith("bootsplice: " + r.image() + ": ").doesNotContainPattern(LEAK);
        assertThat(c.err().strip()).as(command).endsWith(reasonEnd);
    }

    private static void assertAllRejected(Results r, String reasonEnd) {
        for (String command : Results.NAMES) {
            assertRejected(r, command, reasonEnd);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    @Test
    void aTinyItemClaimingFourGibibytesIsRejectedByEveryCommandWithoutAllocating() throws Exception {
        byte[] frame = Arrays.copyOf(gibFrame, gibFrame.length);
        Path image = write("claim.zbi", HardeningImages.container(HardeningImages.item(HardeningImages.BOOTFS,
                Arrays.copyOf(frame, 64), 0xffff_ffffL, HardeningImages.VERSION | HardeningImages.CRC
                        | HardeningImages.COMPRESSED)));
        assertAllRejected(runAll(image), "at 0x20: bad or corrupted data: uncompressed length not as expected");
    }

    @Test
    void anItemProducingAGibibyteWhileClaimingSixtyFourKibibytesStopsAtTheClaim() throws Exception {
        Path image = write("produces.zbi", HardeningImages.container(HardeningImages.item(HardeningImages.BOOTFS,
                gibFrame, 64 << 10, HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED)));
        Results r = runAll(image);
        for (String command : List.of("verify", "extract", "splice", "profile")) {
            assertRejected(r, command, "at 0x20: decompression produced too much data");
        }
        assertThat(r.of("list").exitCode()).as(r.of("list").toString()).isEqualTo(3);
    }

    @Test
    void anItemClaimingAGibibyteButHoldingOneMebibyteFailsAfterProducingOnlyWhatItHolds() throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(frame, 3)) {
            z.write(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa56d3ff9).array());
            z.write(new byte[(1 << 20) - 16]);
        }
        // A skippable frame (magic 0x184D2A50) pads the item so that its claim passes the ratio bound.
        byte[] pad = new byte[40 << 10];
        ByteBuffer.wrap(pad).order(ByteOrder.LITTLE_ENDIAN).putInt(0x184D2A50).putInt(pad.length - 8);
        byte[] payload = HardeningImages.concat(frame.toByteArray(), pad);
        Path image = write("lies.zbi", HardeningImages.container(HardeningImages.item(HardeningImages.BOOTFS, payload,
                GIB, HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED)));
        Results r = runAll(image);
        for (String command : List.of("verify", "extract", "splice", "profile")) {
            assertRejected(r, command, "at 0x20: decompression produced too little data by " + (GIB - (1 << 20))
                    + " bytes");
        }
    }

    @Test
    void anHonestGibibyteOfZerosIsCheckedWithinTheHeapCapOrRejectedInOneLine() throws Exception {
        Path image = write("honest.zbi", HardeningImages.container(HardeningImages.item(HardeningImages.BOOTFS,
                gibFrame, GIB, HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED)));
        Results r = runAll(image);
        for (String command : Results.NAMES) {
            Cli.Result c = r.of(command);
            assertThat(c.exitCode()).as(command + "\n" + c).isIn(0, 3);
            assertThat(c.err()).as(command).doesNotContainPattern(LEAK).doesNotContain("out of memory");
            assertThat(c.err().lines().count()).as(command + "\n" + c).isLessThanOrEqualTo(1);
        }
        assertThat(r.of("list").exitCode()).as(r.of("list").toString()).isZero();
        assertThat(r.of("verify").exitCode()).as(r.of("verify").toString()).isZero();
    }

    @Test
    void oneItemMoreThanTheReaderLimitIsRejectedAndExactlyTheLimitIsRead() throws Exception {
        byte[] empty = HardeningImages.item(0x50494b53, new byte[0], 0, HardeningImages.VERSION);
        Path atLimit = tmp.resolve("at-limit.zbi");
        Path over = tmp.resolve("over-limit.zbi");
        for (Path p : List.of(atLimit, over)) {
            int count = p == atLimit ? MAX_ITEMS : MAX_ITEMS + 1;
            ByteBuffer b = ByteBuffer.allocate(32 + count * 32);
            b.put(HardeningImages.containerHeader(count * 32L));
            for (int i = 0; i < count; i++) {
                b.put(empty);
            }
            Files.write(p, b.array());
        }
        assertAllRejected(runAll(over), "item " + MAX_ITEMS + " (DISCARD) at 0x" + Long.toHexString(32L + MAX_ITEMS * 32L)
                + ": more than " + MAX_ITEMS + " items (reader limit)");

        Results r = runAll(atLimit);
        assertThat(r.of("list").exitCode()).as(r.of("list").toString()).isZero();
        assertThat(r.of("list").out().lines().filter(l -> l.contains("DISCARD")).count()).isEqualTo(MAX_ITEMS);
        assertThat(r.of("verify").exitCode()).as(r.of("verify").toString()).isZero();
        assertRejected(r, "extract", "no BOOTFS item to extract files from");
        for (String command : List.of("splice", "profile")) {
            assertThat(r.of(command).exitCode()).as(r.of(command).toString()).isEqualTo(3);
            assertThat(r.of(command).err().lines().toList()).hasSize(1);
        }
    }

    @Test
    void aDirectoryOfMillionsOfEntriesIsRejectedInOneLineWithoutRunningOutOfMemory() throws Exception {
        int entries = 4_000_000;
        byte[] bootfs = HardeningImages.bootfsWithEmptyFiles(entries);
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (ZstdOutputStream out = new ZstdOutputStream(z, 3)) {
            out.write(bootfs);
        }
        Path image = write("dirents.zbi", HardeningImages.container(HardeningImages.item(HardeningImages.BOOTFS,
                z.toByteArray(), bootfs.length, HardeningImages.VERSION | HardeningImages.CRC
                        | HardeningImages.COMPRESSED)));
        Results r = runAll(image);
        for (String command : Results.NAMES) {
            Cli.Result c = r.of(command);
            assertThat(c.exitCode()).as(command + "\n" + c).isEqualTo(3);
            assertThat(c.err()).as(command).doesNotContain("out of memory").doesNotContainPattern(LEAK);
        }
    }

    @Test
    void truncatedFilesAFolderAndAnUnreadableFileAreRejectedInOneLine() throws Exception {
        byte[] small = Files.readAllBytes(TestImages.writeSmall(tmp.resolve("small.zbi")));
        Path cut = write("cut.zbi", Arrays.copyOf(small, small.length - 100));
        assertAllRejected(runAll(cut), "container doesn't fit. Truncated?");

        Path headerOnly = write("header-only.zbi", Arrays.copyOf(small, 20));
        assertAllRejected(runAll(headerOnly), "at 0x0: container header doesn't fit. Truncated?");

        Path folder = Files.createDirectories(tmp.resolve("folder.zbi"));
        assertAllRejected(runAll(folder), "is a directory");
    }

    @Test
    void anUnreadableFileIsRejectedInOneLine() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")),
                "running as root: file permissions cannot make a file unreadable");
        Path secret = TestImages.writeSmall(tmp.resolve("secret.zbi"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        assertAllRejected(runAll(secret), "permission denied");
    }

    @Test
    void aFifoInsteadOfAnImageIsRejectedInsteadOfWaitingForAWriter() throws Exception {
        Path fifo = tmp.resolve("fifo.zbi");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        assertAllRejected(runAll(fifo), "not a regular file");
    }

    /** Lists {@code dir} recursively, as paths relative to it. */
    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
