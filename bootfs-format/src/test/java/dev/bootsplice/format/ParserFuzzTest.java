package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes and mutated valid images either read to a result that satisfies the format rules or throw
 * {@link ZbiFormatException}; nothing else escapes, in bounded time. {@code -Dbootsplice.fuzz.tries=N} adds a
 * long run of N more mutations.
 */
class ParserFuzzTest {
    /** Images up to this size from the corpus are mutation bases (core-x64 would make each try slow). */
    private static final long MAX_BASE = 300_000;

    private static final long MAX_MILLIS_PER_INPUT = 3_000;
    private static final List<byte[]> BASES = loadBases();

    /** One mutation: what to do, where (a fraction of the image size) and with which value. */
    record Mutation(int kind, double where, int value) {}

    @Property(tries = 300)
    void arbitraryBytesReadOrFailWithTheFormatException(@ForAll @Size(max = 600) byte[] bytes) {
        exercise(bytes);
    }

    @Property(tries = 300)
    void arbitraryBytesBehindAContainerHeaderReadOrFail(@ForAll @Size(max = 600) byte[] bytes) {
        exercise(RawZbi.concat(RawZbi.containerHeader(bytes.length & ~7), bytes));
    }

    @Property(tries = 150)
    void mutatedValidImagesReadOrFailWithTheFormatException(
            @ForAll("bases") int base, @ForAll("mutations") List<Mutation> mutations) {
        exercise(mutate(BASES.get(base), mutations));
    }

    @Test
    void longFuzzRunWhenAsked() {
        int tries = Integer.getInteger("bootsplice.fuzz.tries", 0);
        assumeTrue(tries > 0, "set -Dbootsplice.fuzz.tries=N for a long run");
        Arbitrary<Integer> base = bases();
        Arbitrary<List<Mutation>> mutation = mutations();
        base.sampleStream().limit(tries).forEach(b -> exercise(mutate(BASES.get(b), mutation.sample())));
    }

    @Provide
    Arbitrary<Integer> bases() {
        return Arbitraries.integers().between(0, BASES.size() - 1);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
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
                        0x42534642),
                Arbitraries.integers());
        return Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 1),
                        values)
                .as(Mutation::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    /** Applies the mutations: 0 flip a byte, 1 set an aligned int, 2 truncate, 3 append, 4 zero a run. */
    static byte[] mutate(byte[] base, List<Mutation> mutations) {
        byte[] b = base.clone();
        for (Mutation m : mutations) {
            int at = (int) Math.min(b.length - 1L, (long) (m.where() * b.length));
            switch (m.kind()) {
                case 0 -> b[Math.max(at, 0)] ^= (byte) (m.value() | 1);
                case 1 -> {
                    int aligned = (at & ~3);
                    if (aligned + 4 <= b.length) {
                        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(aligned, m.value());
                    }
                }
                case 2 -> b = Arrays.copyOf(b, Math.max(at, 0));
                case 3 -> b = Arrays.copyOf(b, b.length + (m.value() & 0xfff));
                default -> Arrays.fill(
                        b, Math.max(at, 0), Math.min(b.length, Math.max(at, 0) + (m.value() & 0x3f)), (byte) 0);
            }
            if (b.length == 0) {
                break;
            }
        }
        return b;
    }

    /** Reads, checks and lists {@code bytes}; fails on anything but a ZbiFormatException or a rule-abiding result. */
    static void exercise(byte[] bytes) {
        long start = System.nanoTime();
        ZbiImage image;
        try {
            image = ZbiImage.read(ByteBuffer.wrap(bytes), "fuzz");
        } catch (ZbiFormatException e) {
            assertThat(e.reason()).isNotBlank();
            return;
        }
        assertImageRules(image, bytes.length);
        for (ZbiItem item : image.items()) {
            exerciseItem(item);
        }
        List<Problem> problems = ImageChecker.check(image, true, false);
        assertThat(problems).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        assertThat(ZbiToolListing.render(image).exitCode()).isBetween(0, 1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(MAX_MILLIS_PER_INPUT);
    }

    private static void assertImageRules(ZbiImage image, long size) {
        long next = image.isBareBootfs() ? 0 : 32;
        for (ZbiItem item : image.items()) {
            assertThat(item.offset()).isEqualTo(next);
            assertThat(item.offset() % 8).isZero();
            next = item.isSynthetic() ? size : item.offset() + 32 + ZbiConstants.roundUp8(item.length());
        }
        assertThat(next).isLessThanOrEqualTo(size);
        if (!image.isBareBootfs()) {
            assertThat(next).isEqualTo(32 + image.containerLength());
        }
    }

    private static void exerciseItem(ZbiItem item) {
        item.crcStatus();
        ByteBuffer payload;
        try {
            payload = item.payload();
        } catch (ZbiFormatException e) {
            assertThat(e.itemIndex()).isEqualTo(item.index());
            return;
        }
        assertThat((long) payload.remaining()).isEqualTo(item.uncompressedSize());
        if (!item.type().equals(ItemType.BOOTFS)) {
            return;
        }
        Bootfs full;
        try {
            full = Bootfs.parse(payload);
        } catch (ZbiFormatException e) {
            assertThat(e.itemIndex()).isEqualTo(-1);
            return;
        }
        for (BootfsEntry e : full.entries()) {
            assertThat(e.dataOffset() % 4096).isZero();
            assertThat(e.dataOffset() + e.pageAlignedLength()).isLessThanOrEqualTo(full.capacity());
            assertThat((long) full.content(e).remaining()).isEqualTo(e.dataLength());
        }
        try {
            assertThat(Bootfs.parseDirectory(item).entries()).isEqualTo(full.entries());
        } catch (ZbiFormatException e) {
            throw new AssertionError("directory parse failed where the full parse succeeded: " + e.getMessage(), e);
        }
    }

    private static List<byte[]> loadBases() {
        List<byte[]> bases = new ArrayList<>();
        byte[] valid = FailFixtures.validBootfs();
        bases.add(RawZbi.container(
                RawZbi.item(0x42534642, valid, valid.length, 0x30000),
                RawZbi.item(0x4c444d43, RawZbi.ascii("a b\0"), 0, 0x30000)));
        bases.add(RawZbi.container(RawZbi.item(0x42534642, Zstd.compress(valid, 3), valid.length, 0x30001)));
        bases.add(RawZbi.container(RawZbi.item(0x42534642, FailFixtures.lz4f(valid), valid.length, 0x30001)));
        bases.add(valid);
        for (FailFixtures.Case c : FailFixtures.all()) {
            bases.add(c.bytes());
        }
        Path root = ReaderCorpus.rootOrNull();
        if (root != null) {
            try (Stream<Path> images = ReaderCorpus.images()) {
                for (Path p : images.toList()) {
                    if (Files.size(p) <= MAX_BASE) {
                        bases.add(Files.readAllBytes(p));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bases;
    }
}
