package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** {@code Bootfs.MAX_ENTRIES}: the most BOOTFS directory entries the reader accepts. */
    private static final int MAX_ENTRIES = 1 << 20;
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
            byte[] header = ByteBuffer.allocate(16)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0xa56d3ff9)
                    .array();
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
        List<String> args = new ArrayList<>(List.of(
                results.toString(),
                "list",
                img,
                HardeningDriver.SEPARATOR,
                "verify",
                img,
                HardeningDriver.SEPARATOR,
                "extract",
                img,
                "-o",
                tmp.resolve("out-" + image.getFileName()).toString(),
                HardeningDriver.SEPARATOR,
                "splice",
                img,
                "--strategy=transfer",
                HardeningDriver.SEPARATOR,
                "profile",
                img,
                "--strategies=clone,transfer"));
        HardeningChild.Run run = HardeningChild.run(
                tmp.resolve("logs-" + image.getFileName()),
                HANG,
                HardeningChild.command(HardeningDriver.class, HEAP, List.of(), args));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<Cli.Result> runs = new ArrayList<>();
        for (int i = 0; i < Results.NAMES.size(); i++) {
            runs.add(new Cli.Result(
                    Integer.parseInt(Files.readString(results.resolve(i + ".exit"))),
                    Files.readString(results.resolve(i + ".out")),
                    Files.readString(results.resolve(i + ".err"))));
        }
        return new Results(image, runs);
    }

    /** Asserts exit 3 and exactly one stderr line {@code bootsplice: IMAGE: ...REASON} without class names. */
    private static void assertRejected(Results r, String command, String reasonEnd) {
        Cli.Result c = r.of(command);
        assertThat(c.exitCode()).as(command + "\n" + c).isEqualTo(3);
        assertThat(c.err().lines().toList()).as(command + "\n" + c).hasSize(1);
        assertThat(c.err())
                .as(command)
                .startsWith("bootsplice: " + r.image() + ": ")
                .doesNotContainPattern(LEAK);
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
        Path image = write(
                "claim.zbi",
                HardeningImages.container(HardeningImages.item(
                        HardeningImages.BOOTFS,
                        Arrays.copyOf(frame, 64),
                        0xffff_ffffL,
                        HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED)));
        assertAllRejected(runAll(image), "at 0x20: bad or corrupted data: uncompressed length not as expected");
    }

    @Test
    void anItemProducingAGibibyteWhileClaimingSixtyFourKibibytesStopsAtTheClaim() throws Exception {
        Path image = write(
                "produces.zbi",
                HardeningImages.container(HardeningImages.item(
                        HardeningImages.BOOTFS,
                        gibFrame,
                        64 << 10,
                        HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED)));
        Results r = runAll(image);
        for (String command : List.of("verify", "extract", "splice", "profile")) {
            assertRejected(r, command, "at 0x20: decompression produced too much data");
        }
        // list reads the BOOTFS only as far as its (empty) directory; verify is what checks the whole stream.
        assertThat(r.of("list").exitCode()).as(r.of("list").toString()).isZero();
    }

    @Test
    void anItemClaimingAGibibyteButHoldingOneMebibyteFailsAfterProducingOnlyWhatItHolds() throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(frame, 3)) {
            z.write(ByteBuffer.allocate(16)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0xa56d3ff9)
                    .array());
            z.write(new byte[(1 << 20) - 16]);
        }
        // A skippable frame (magic 0x184D2A50) pads the item so that its claim passes the ratio bound.
        byte[] pad = new byte[40 << 10];
        ByteBuffer.wrap(pad).order(ByteOrder.LITTLE_ENDIAN).putInt(0x184D2A50).putInt(pad.length - 8);
        byte[] payload = HardeningImages.concat(frame.toByteArray(), pad);
        Path image = write(
                "lies.zbi",
                HardeningImages.container(HardeningImages.item(
                        HardeningImages.BOOTFS,
                        payload,
                        GIB,
                        HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED)));
        Results r = runAll(image);
        for (String command : List.of("verify", "extract", "splice", "profile")) {
            assertRejected(
                    r, command, "at 0x20: decompression produced too little data by " + (GIB - (1 << 20)) + " bytes");
        }
    }

    /**
     * {@code list} reads a BOOTFS only up to its directory, {@code verify} streams every compressed item through a
     * fixed buffer and {@code extract} decompresses a payload larger than a quarter of the heap into a mapped,
     * already-removed temporary file, so all three handle a valid image whose payload is larger than the heap;
     * the model needs the pages themselves, so {@code splice} and {@code profile} end with exit 3 and one line
     * naming its memory limit and the option that raises it, never a stack trace, never a hang.
     */
    @Test
    void anHonestGibibyteOfZerosIsListedVerifiedAndExtractedWithinASmallHeap() throws Exception {
        Path image = write(
                "honest.zbi",
                HardeningImages.container(HardeningImages.item(
                        HardeningImages.BOOTFS,
                        gibFrame,
                        GIB,
                        HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED)));
        Results r = runAll(image);
        for (String command : Results.NAMES) {
            Cli.Result c = r.of(command);
            assertThat(c.err()).as(command).doesNotContainPattern(LEAK);
            assertThat(c.err().lines().count()).as(command + "\n" + c).isLessThanOrEqualTo(1);
        }
        for (String command : List.of("list", "verify", "extract")) {
            assertThat(r.of(command).exitCode()).as(r.of(command).toString()).isZero();
        }
        for (String command : List.of("splice", "profile")) {
            assertThat(r.of(command).exitCode()).as(r.of(command).toString()).isEqualTo(3);
            assertThat(r.of(command).err())
                    .as(command)
                    .contains(": model: ZX_ERR_NO_MEMORY: physical memory limit of ")
                    .contains("raise it with BOOTSPLICE_JAVA_OPTS=-Xmx...");
        }
    }

    @Test
    void oneItemMoreThanTheReaderLimitIsRejectedByEveryCommand() throws Exception {
        Path over = write("over-limit.zbi", items(MAX_ITEMS + 1));
        assertAllRejected(
                runAll(over),
                "at 0x" + Long.toHexString(32L + MAX_ITEMS * 32L) + ": more than " + MAX_ITEMS
                        + " items (reader limit)");
    }

    /** Returns a ZBI of {@code count} empty DISCARD items (32 bytes each). */
    static byte[] items(int count) {
        byte[] empty = HardeningImages.item(0x50494b53, new byte[0], 0, HardeningImages.VERSION);
        ByteBuffer b = ByteBuffer.allocate(32 + count * 32);
        b.put(HardeningImages.containerHeader(count * 32L));
        for (int i = 0; i < count; i++) {
            b.put(empty);
        }
        return b.array();
    }

    @Test
    void aDirectoryWithMoreEntriesThanTheReaderLimitIsRejectedInOneLineWithoutRunningOutOfMemory() throws Exception {
        int entries = MAX_ENTRIES + 1;
        byte[] bootfs = HardeningImages.bootfsWithEmptyFiles(entries);
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (ZstdOutputStream out = new ZstdOutputStream(z, 3)) {
            out.write(bootfs);
        }
        Path image = write(
                "dirents.zbi",
                HardeningImages.container(HardeningImages.item(
                        HardeningImages.BOOTFS,
                        z.toByteArray(),
                        bootfs.length,
                        HardeningImages.VERSION | HardeningImages.CRC | HardeningImages.COMPRESSED)));
        Results r = runAll(image);
        for (String command : Results.NAMES) {
            Cli.Result c = r.of(command);
            assertThat(c.exitCode()).as(command + "\n" + r.runs()).isEqualTo(3);
            assertThat(c.err()).as(command).doesNotContain("out of memory").doesNotContainPattern(LEAK);
        }
        for (String command : List.of("verify", "extract", "splice", "profile")) {
            assertRejected(
                    r,
                    command,
                    "at 0x" + Long.toHexString(16L + 16L * MAX_ENTRIES) + ": more than " + MAX_ENTRIES
                            + " entries (reader limit)");
        }
        assertThat(r.of("list").err()).contains("more than " + MAX_ENTRIES + " entries (reader limit)");
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
        assumeTrue(
                !"root".equals(System.getProperty("user.name")),
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

    // Extraction safety, in-process: each image puts one hostile name before a good one, beside a folder that
    // must stay untouched. (Names ExtractCommandTest and SafeExtractorTest already cover are not repeated.)

    /** A layout of {@code base/outside/sentinel} and {@code base/out}, and the image beside them. */
    private record Layout(Path base, Path image, Path out, List<String> before) {
        List<String> added() throws IOException {
            List<String> now = new ArrayList<>(tree(base));
            now.removeAll(before);
            return now;
        }
    }

    private Layout layout(String name, byte[] image) throws IOException {
        Path base = Files.createDirectories(tmp.resolve(name));
        Files.writeString(Files.createDirectories(base.resolve("outside")).resolve("sentinel"), "keep");
        Path img = Files.write(base.resolve("image.bootfs"), image);
        Path out = Files.createDirectories(base.resolve("out"));
        return new Layout(base, img, out, tree(base));
    }

    private static String refusal(Layout l, long direntOffset, String name, String reason) {
        return "bootsplice: " + l.image() + ": item 0 (BOOTFS) at 0x" + Long.toHexString(direntOffset) + ": entry \""
                + name + "\": not extracted: " + reason;
    }

    @Test
    void namesThatWouldLeaveTheFolderOrNameNoFileAreRefusedOneLineEach() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("../x", "name has a \"..\" component");
        cases.put("a/../../x", "name has a \"..\" component");
        cases.put("..", "name has a \"..\" component");
        cases.put(".", "name has no file component");
        cases.put("././/", "name has no file component");
        cases.put("", "empty name");
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Layout l = layout("case" + i++, HardeningImages.bootfsOfNames(List.of(c.getKey(), "ok")));
            Cli.Result r =
                    Cli.run("extract", l.image().toString(), "-o", l.out().toString());
            assertThat(r.exitCode()).as(c.getKey() + "\n" + r).isEqualTo(3);
            assertThat(r.err().lines().toList())
                    .as(c.getKey())
                    .containsExactly(refusal(l, 16, c.getKey(), c.getValue()));
            assertThat(l.added()).as(c.getKey()).containsExactly("out/ok");
            assertThat(Files.readString(l.base().resolve("outside/sentinel"))).isEqualTo("keep");
        }
    }

    @Test
    void anAbsoluteNameBreaksRuleF8SoNothingIsExtractedAndEveryReaderSaysWhy() throws Exception {
        Layout l = layout("abs", HardeningImages.bootfsOfNames(List.of("/abs", "ok")));
        String line = "bootsplice: " + l.image()
                + ": item 0 (BOOTFS) at 0x10: entry \"/abs\": filename cannot begin with '/'";
        Cli.Result extract =
                Cli.run("extract", l.image().toString(), "-o", l.out().toString());
        assertThat(extract.exitCode()).as(extract.toString()).isEqualTo(3);
        assertThat(extract.err().lines().toList()).containsExactly(line);
        assertThat(l.added()).isEmpty();
        Cli.Result verify = Cli.run("verify", l.image().toString());
        assertThat(verify.exitCode()).isEqualTo(3);
        assertThat(verify.out() + verify.err()).contains("entry \"/abs\": filename cannot begin with '/'");
        assertThat(Cli.run("list", l.image().toString()).exitCode()).isEqualTo(3);
    }

    @Test
    void symbolicLinksPlantedInTheFolderAreNeverFollowedEvenWithForce() throws Exception {
        Layout l = layout("links", HardeningImages.bootfsOfNames(List.of("link/x", "dangling", "ok")));
        Files.createSymbolicLink(l.out().resolve("link"), l.base().resolve("outside"));
        Files.createSymbolicLink(l.out().resolve("dangling"), l.base().resolve("outside/created-through-link"));
        List<String> before = tree(l.base());

        Cli.Result r = Cli.run("extract", l.image().toString(), "-o", l.out().toString(), "--force");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err().lines().toList())
                .containsExactly(
                        refusal(l, 16, "link/x", "\"link\" is a symbolic link"),
                        refusal(l, 16 + 20, "dangling", "\"dangling\" is a symbolic link"));
        List<String> after = new ArrayList<>(tree(l.base()));
        after.removeAll(before);
        assertThat(after).containsExactly("out/ok");
        assertThat(l.base().resolve("outside/created-through-link")).doesNotExist();
    }

    @Test
    void namesEqualAfterNormalisationOrDecodingAreWrittenOnceAndTheRestRefused() throws Exception {
        List<byte[]> names = List.of(
                HardeningImages.utf8("a/b"),
                HardeningImages.utf8("a//b"),
                HardeningImages.utf8("a/./b"),
                new byte[] {'u', (byte) 0xff},
                new byte[] {'u', (byte) 0xfe});
        List<byte[]> contents = List.of(
                HardeningImages.utf8("first"),
                HardeningImages.utf8("second"),
                HardeningImages.utf8("third"),
                HardeningImages.utf8("ff"),
                HardeningImages.utf8("fe"));
        Layout l = layout("twins", HardeningImages.bootfs(names, contents));

        Cli.Result r = Cli.run("extract", l.image().toString(), "-o", l.out().toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err().lines().toList())
                .containsExactly(
                        refusal(l, 16 + 16, "a//b", "collides with \"a/b\" extracted earlier"),
                        refusal(l, 16 + 16 + 20, "a/./b", "collides with \"a/b\" extracted earlier"),
                        refusal(l, 16 + 16 + 20 + 20 + 16, "u\ufffd", "collides with \"u\ufffd\" extracted earlier"));
        assertThat(Files.readString(l.out().resolve("a/b"))).isEqualTo("first");
        assertThat(Files.readString(l.out().resolve("u\ufffd"))).isEqualTo("ff");
        assertThat(l.added()).containsExactlyInAnyOrder("out/a", "out/a/b", "out/u\ufffd");
    }

    @Test
    void longestNamesAndControlCharactersStayInsideTheFolder() throws Exception {
        String longComponent = "y".repeat(255);
        String longPath = "d/".repeat(126) + "zzz";
        String control = "ctl\u0001\t\u001b[31mred";
        Layout l = layout("odd", HardeningImages.bootfsOfNames(List.of(longComponent, longPath, control)));

        Cli.Result r = Cli.run("extract", l.image().toString(), "-o", l.out().toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(longPath.getBytes(StandardCharsets.UTF_8)).hasSize(255);
        for (String name : List.of(longComponent, longPath, control)) {
            assertThat(Files.readString(l.out().resolve(name))).as(name).isEqualTo(name);
        }
        assertThat(l.added()).allMatch(p -> p.startsWith("out"));
    }

    @Test
    void controlCharactersInAnEntryNameAreEscapedSoEveryMessageStaysOneLine() throws Exception {
        String name = "../x\nbootsplice: forged line\u001b[2J";
        Layout l = layout("newline", HardeningImages.bootfsOfNames(List.of(name, "ok")));
        Cli.Result r = Cli.run("extract", l.image().toString(), "-o", l.out().toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines().toList())
                .as(r.toString())
                .containsExactly(
                        refusal(l, 16, "../x\\x0abootsplice: forged line\\x1b[2J", "name has a \"..\" component"));
        assertThat(l.added()).containsExactly("out/ok");

        Layout abs = layout("absolute-newline", HardeningImages.bootfsOfNames(List.of("/x\nforged", "ok")));
        String line = "bootsplice: " + abs.image() + ": item 0 (BOOTFS) at 0x10: entry \"/x\\x0aforged\": "
                + "filename cannot begin with '/'";
        for (String command : List.of("extract", "verify", "list")) {
            Cli.Result c = command.equals("extract")
                    ? Cli.run("extract", abs.image().toString(), "-o", abs.out().toString())
                    : Cli.run(command, abs.image().toString());
            assertThat(c.exitCode()).as(command).isEqualTo(3);
            assertThat(c.err().lines().toList())
                    .as(command + "\n" + c)
                    .contains(line)
                    .noneMatch(x -> x.startsWith("forged"));
        }
    }

    /** Lists {@code dir} recursively, as paths relative to it. */
    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
