package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bootsplice.format.BootfsBuilder;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/**
 * Command-level fuzzing: mutated small images (from the project's own writer and hand-built hostile ones) and
 * arbitrary bytes through {@code list}, {@code list --json}, {@code list --format=zbi}, {@code verify} and
 * {@code extract}. Each run ends with exit 0 or 3 only (never 1, an internal error), stderr has no stack trace
 * and no exception class name, and {@code extract} writes nothing outside its folder.
 * {@code -Dbootsplice.fuzz.tries=N} adds a long run of N more mutated images.
 */
class ExtractFuzzTest {
    /** A stack-trace line or a Java class name (package-qualified, or a simple name ending in Exception/Error). */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |\\b(?:java|javax|jdk|sun|com|net|org|dev|picocli)\\.[a-z]\\w*\\.|\\b[A-Z]\\w*(?:Exception|Error)\\b");
    /** A hang guard only, far above any real run (the machine is shared and noisy). */
    private static final Duration HANG = Duration.ofMinutes(2);

    private static final List<byte[]> BASES = baseImages();
    private static final Path WORK = createWork();
    private static int counter;

    /** Applies an extra mutation kind for names: 5 sets one byte to '.', '/', NUL or a newline. */
    record Step(int kind, double where, int value) {}

    @Property(tries = 60)
    void mutatedImagesEndWithExitZeroOrThreeAndExtractStaysInside(
            @ForAll("bases") int base, @ForAll("steps") List<Step> steps) {
        exercise(mutate(BASES.get(base), steps));
    }

    @Property(tries = 40)
    void arbitraryBytesEndWithExitZeroOrThree(@ForAll @Size(max = 400) byte[] bytes) {
        exercise(bytes);
    }

    @Property(tries = 40)
    void arbitraryBytesBehindAContainerHeaderEndWithExitZeroOrThree(@ForAll @Size(max = 400) byte[] bytes) {
        exercise(HardeningImages.concat(HardeningImages.containerHeader(bytes.length & ~7), bytes));
    }

    @Test
    void longFuzzRunWhenAsked() {
        int tries = Integer.getInteger("bootsplice.fuzz.tries", 0);
        assumeTrue(tries > 0, "set -Dbootsplice.fuzz.tries=N for a long run");
        Arbitrary<Integer> base = bases();
        Arbitrary<List<Step>> steps = steps();
        base.sampleStream().limit(tries).forEach(b -> exercise(mutate(BASES.get(b), steps.sample())));
        System.out.println("ExtractFuzzTest: " + tries + " mutated images through list, list --json, "
                + "list --format=zbi, verify and extract");
    }

    @Provide
    Arbitrary<Integer> bases() {
        return Arbitraries.integers().between(0, BASES.size() - 1);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> values = Arbitraries.oneOf(
                Arbitraries.of(
                        0,
                        -1,
                        1,
                        0x1000,
                        0x1001,
                        0x7fffffff,
                        0x80000000,
                        0xa56d3ff9,
                        0xb5781729,
                        0x4a87e8d6,
                        0x00030001,
                        0x42534642,
                        (int) '.',
                        (int) '/'),
                Arbitraries.integers());
        return Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.doubles().between(0, 1),
                        values)
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    static byte[] mutate(byte[] base, List<Step> steps) {
        byte[] b = base;
        for (Step s : steps) {
            if (s.kind() == 5 && b.length > 0) {
                b = b == base ? base.clone() : b;
                byte[] choices = {'.', '/', 0, '\n'};
                b[(int) Math.min(b.length - 1L, (long) (s.where() * b.length))] = choices[Math.floorMod(s.value(), 4)];
            } else if (s.kind() < 5) {
                b = HardeningImages.mutate(b, List.of(new HardeningImages.Mutation(s.kind(), s.where(), s.value())));
            }
        }
        return b == base ? base.clone() : b;
    }

    /** Writes {@code bytes} as an image and runs every command on it; fails naming the input on any breach. */
    static void exercise(byte[] bytes) {
        Path dir = WORK.resolve("t" + (counter++));
        try {
            Path image = Files.write(Files.createDirectories(dir).resolve("image.bin"), bytes);
            Path outside = Files.createDirectories(dir.resolve("outside"));
            Files.writeString(outside.resolve("sentinel"), "keep");
            Path out = dir.resolve("out");
            for (String[] args : List.of(
                    new String[] {"list", image.toString()},
                    new String[] {"list", "--json", image.toString()},
                    new String[] {"list", "--format=zbi", image.toString()},
                    new String[] {"verify", image.toString()},
                    new String[] {"extract", image.toString(), "-o", out.toString()})) {
                Cli.Result r = assertTimeoutPreemptively(HANG, () -> Cli.run(args), () -> describe(args, bytes));
                assertThat(r.exitCode())
                        .as(() -> describe(args, bytes) + "\n" + r)
                        .isIn(0, 3);
                assertThat(r.err()).as(() -> describe(args, bytes) + "\n" + r).doesNotContainPattern(LEAK);
            }
            assertStaysInside(dir, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    /** Checks that the try folder holds only the image, the untouched sentinel and, under out/, no symbolic link. */
    private static void assertStaysInside(Path dir, byte[] bytes) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                assertThat(rel.isEmpty()
                                || rel.equals("image.bin")
                                || rel.equals("outside")
                                || rel.equals("outside/sentinel")
                                || rel.equals("out")
                                || rel.startsWith("out/"))
                        .as(() ->
                                "written outside the extraction folder: " + rel + "\n" + describe(new String[0], bytes))
                        .isTrue();
                assertThat(Files.isSymbolicLink(p)).as(rel).isFalse();
            }
        }
        assertThat(Files.readString(dir.resolve("outside/sentinel"))).isEqualTo("keep");
    }

    private static String describe(String[] args, byte[] bytes) {
        return "bootsplice " + String.join(" ", args) + " on input (base64) "
                + Base64.getEncoder().encodeToString(bytes);
    }

    private static List<byte[]> baseImages() {
        List<byte[]> bases = new ArrayList<>();
        try {
            Map<String, byte[]> files = TestImages.smallFiles();
            for (Compression c : List.of(Compression.DEFAULT, Compression.parse("lz4f"), Compression.NONE)) {
                BootfsBuilder bootfs = new BootfsBuilder();
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    bootfs.add(f.getKey(), f.getValue());
                }
                bases.add(new ZbiWriter()
                        .addStorageItem(ItemType.BOOTFS, bootfs, c)
                        .addItem(ItemType.CMDLINE, 0, ByteBuffer.wrap("console=serial\0".getBytes()))
                        .toBytes());
            }
            BootfsBuilder bare = new BootfsBuilder();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                bare.add(f.getKey(), f.getValue());
            }
            bases.add(new ZbiWriter()
                    .addStorageItem(ItemType.BOOTFS, bare, Compression.NONE)
                    .toBytes());
            byte[] hostile = HardeningImages.bootfsOfNames(
                    List.of("a/b", "a//b", "a/./b", "../x", "x/../../y", "ok/file", ".", "c\nd"));
            bases.add(hostile);
            bases.add(HardeningImages.container(HardeningImages.bootfsItem(hostile)));
        } catch (IOException | dev.bootsplice.format.UsageException e) {
            throw new IllegalStateException(e);
        }
        return bases;
    }

    private static Path createWork() {
        try {
            return Files.createTempDirectory("bootsplice-extract-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void removeWork() {
        deleteTree(WORK);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
