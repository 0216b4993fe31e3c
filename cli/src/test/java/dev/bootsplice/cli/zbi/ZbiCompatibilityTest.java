package dev.bootsplice.cli.zbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.ZbiImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bootsplice zbi} against the reference tool ({@code ../shared/tools/zbi}, the 2020 SDK build) on the
 * same command lines: the same exit status, the same stdout (listings), an error message whenever the
 * reference fails, and the same outputs (images equal item by item after decompression, BOOTFS directories
 * equal, extracted files byte for byte, depfiles naming the same inputs, JSON equal but for the reference's
 * pre-compression sizes). Command lines use {@code |} between arguments; {@code {in}} is the shared input
 * folder, {@code {out}} each side's own output folder, {@code {kernel}} the corpus' complete-x64.zbi and
 * {@code {mixed}} its mixed-items.zbi. Listings of new items use {@code -u}: with compression on, the 2020
 * tool lists an uncompressed new item with the CRC of a compressed one ({@link ZbiDifferencesTest}). The
 * documented differences (spec §4.9) are checked in
 * {@link ZbiDifferencesTest}.
 */
class ZbiCompatibilityTest {
    @TempDir
    static Path tmp;

    static Path in;

    @BeforeAll
    static void inputs() throws Exception {
        ReferenceZbi.tool();
        in = ZbiFixtures.create(tmp.resolve("in"));
    }

    static Stream<String> commandLines() {
        return Stream.of(
                // listing
                "-t|{in}/base.zbi",
                "-t|-v|{in}/base.zbi",
                "--list|--verbose|{kernel}",
                "-tv|{kernel}",
                "-t|-v|{mixed}",
                "-t|-u|-v|{in}/tree",
                "-t|-u|{in}/m.txt",
                "-t|-v|-u|-p|pre|{in}/m.txt",
                "-t|-v|-u|-T|ramdisk|{in}/ramdisk.bin",
                "-t|-v|-T|image_args|-e|hello world",
                "-t|--complete=x64|{kernel}",
                "-t|-B|x64|{kernel}",
                "-t|-B|arm64|{kernel}",
                "-t|--complete=riscv|{kernel}",
                "-t|-v|-u|{in}/tree|--|lib/*|!lib/sub/*",
                "-t|-v|-u|{in}/tree|--|nomatch",
                "-t|-cnone|{in}/tree|--|*.txt|^lib/*",
                "-t|-v|{in}/ramdisk.zbi",
                "-t|--li|{kernel}",
                // errors
                "",
                "-v|{kernel}",
                "-t|-o|{out}/x.zbi|{kernel}",
                "-t|-d|{out}/x.d|{kernel}",
                "-t|-T|bogus|x",
                "-o|{out}/o.zbi|-c|bogus|{in}/tree",
                "-o|{out}/o.zbi|{in}/nonexistent",
                "-t|--no-such-switch",
                "-o|{out}/o.zbi|-T|container|{in}/cmd.txt",
                "-o|{out}/o.zbi|-T|ramdisk|{in}/tree",
                "-o|{out}/o.zbi|-p|/abs|{in}/tree",
                "-o|{out}/o.zbi|{in}/bad-manifest.txt",
                "-o",
                // writing
                "-o|{out}/o.zbi|{in}/tree",
                "-o|{out}/o.zbi|-d|{out}/o.d|-j|{out}/o.json|{in}/tree",
                "-o|{out}/o.zbi|-u|{in}/tree",
                "-o|{out}/o.zbi|--uncompressed|-j|{out}/o.json|{in}/tree",
                "-o|{out}/o.zbi|--compressed=zstd.max|{in}/tree",
                "-o|{out}/o.zbi|-czstd.9|{in}/tree",
                "-o|{out}/o.zbi|-clz4f|{in}/tree",
                "-o|{out}/o.zbi|--compressed=lz4f.max|{in}/tree",
                "-o|{out}/o.zbi|-c7|{in}/tree",
                "-o|{out}/o.zbi|-cmax|{in}/tree",
                "-o|{out}/o.zbi|-cnone|{in}/tree",
                "-o|{out}/o.zbi|--compressed=zstd.overclock|{in}/tree",
                "-o|{out}/o.zbi|--compressed=LZ4F.3|{in}/tree",
                "-o|{out}/o.zbi|-c|{in}/tree",
                "-o|{out}/o.zbi|-u|{in}/tree|-c",
                "-o|{out}/o.zbi|{kernel}|-T|cmdline|-e|foo=1|-F|{in}/tree2",
                "-o|{out}/o.zbi|--complete=x64|{in}/tree2|{kernel}",
                "-o|{out}/o.zbi|-B|x64|{in}/tree2",
                "-o|{out}/o.zbi|-p|pre|{in}/m.txt|-p|.|{in}/tree2",
                "-o|{out}/o.zbi|-C|{in}|dir/m2.txt",
                "-o|{out}/o.zbi|-i|{in}/missing.txt",
                "-o|{out}/o.zbi|{in}/missing.txt",
                "-o|{out}/o.zbi|{in}/tree|{in}/tree2",
                "-o|{out}/o.zbi|--replace|{in}/tree|{in}/tree2",
                "-o|{out}/o.zbi|{in}/tree2|--replace|-e|bin/app={in}/cmd.txt",
                "-o|{out}/o.zbi|{in}/base.zbi",
                "-o|{out}/o.zbi|-j|{out}/o.json|{in}/base.zbi|{in}/tree2",
                "-o|{out}/o.zbi|-u|--recompress|{in}/ramdisk.zbi",
                "-o|{out}/o.zbi|--recompress|-clz4f|{in}/ramdisk.zbi",
                "-o|{out}/o.zbi|-T|ramdisk|{in}/ramdisk.bin",
                "-o|{out}/o.zbi|-u|-T|RAMDISK|{in}/ramdisk.bin",
                "-o|{out}/o.zbi|-T|0x4b534452|{in}/ramdisk.bin",
                "-o|{out}/o.zbi|-j|{out}/o.json|-T|cmdline|{in}/cmd.txt|-e|  x=2  |-T|image_args|{in}/cmd.txt",
                "-o|{out}/o.zbi|-e|cfg/x={in}/tree/zlast.txt",
                "-o|{out}/o.zbi|{in}/tree|--|bin/*",
                "-o|{out}/o.zbi|-d|{out}/o.d|{in}/m.txt|{in}/tree",
                "-o|{out}/o.zbi|{kernel}|{in}/base.zbi",
                "-o|{out}/o.zbi|-j|{out}/o.json|{mixed}",
                "--output={out}/o.zbi|--depfile={out}/o.d|{in}/tree",
                "-o|{out}/o.zbi|-T|container|{in}/base.zbi|-T|cmdline|-e|y=3",
                // extraction and JSON
                "-x|-D|{out}/x|{kernel}",
                "-x|-D|{out}/x|{in}/base.zbi|--|lib/*",
                "-X|-D|{out}/x|{kernel}",
                "-R|-D|{out}/x|{kernel}",
                "-R|-D|{out}/x|{mixed}",
                "-X|--output-dir={out}/x|{mixed}|--|00[12]*",
                "-x|-o|{out}/one|{in}/base.zbi|--|zlast.txt",
                "-x|-o|{out}/one|{in}/base.zbi",
                "-x|-D|{out}/x|{in}/base.zbi|--|nomatch",
                "-x|-v|-D|{out}/x|{in}/base.zbi|--|lib/*",
                "-x|-D|{out}/x|{in}/tree2",
                "-t|-x|-D|{out}/x|{in}/base.zbi",
                "-j|{out}/l.json|{kernel}",
                "-x|-j|{out}/l.json|-D|{out}/x|{kernel}",
                "-t|-j|{out}/l.json|{mixed}",
                "-j|{out}/l.json|{in}/tree",
                "-X|-D|{out}/x|{in}/base.zbi|--|nomatch",
                "-h",
                "--help");
    }

    @ParameterizedTest(name = "zbi {0}")
    @MethodSource("commandLines")
    void givesTheReferenceToolsStatusListingAndOutputs(String commandLine) throws Exception {
        Path refOut = Files.createDirectories(tmp.resolve("ref-" + Integer.toHexString(commandLine.hashCode())));
        Path ourOut = Files.createDirectories(tmp.resolve("our-" + Integer.toHexString(commandLine.hashCode())));
        ReferenceZbi.Run ref = ReferenceZbi.reference(refOut, args(commandLine, refOut));
        ReferenceZbi.Run ours = ReferenceZbi.ours(args(commandLine, ourOut));

        assertThat(ours.status())
                .as("exit status\nreference: %s\nours: %s", ref, ours)
                .isEqualTo(ref.status());
        assertThat(ours.out()).as("stdout\nreference: %s", ref).isEqualTo(ref.out());
        if (ref.status() != 0) {
            assertThat(ours.err())
                    .as("one-line error")
                    .startsWith("bootsplice zbi: ")
                    .hasLineCount(1);
        }
        ImageComparison.assertSameOutputs(refOut, ourOut);
    }

    @Test
    void appendingToAnImageInPlaceGivesTheReferenceToolsImage() throws Exception {
        for (String side : List.of("ref", "our")) {
            Path dir = Files.createDirectories(tmp.resolve("inplace-" + side));
            Path zbi = dir.resolve("boot.zbi");
            List<String> first =
                    List.of("-o", zbi.toString(), in.resolve("tree").toString());
            List<String> second =
                    List.of("-o", zbi.toString(), zbi.toString(), "-e", "extra/x=" + in.resolve("cmd.txt"));
            for (List<String> args : List.of(first, second)) {
                int status = side.equals("ref")
                        ? ReferenceZbi.reference(dir, args).status()
                        : ReferenceZbi.ours(args).status();
                assertThat(status).as(side + " " + args).isZero();
            }
        }
        ImageComparison.assertSameItems(tmp.resolve("inplace-ref/boot.zbi"), tmp.resolve("inplace-our/boot.zbi"));
        try (ZbiImage image = ZbiImage.open(tmp.resolve("inplace-our/boot.zbi"))) {
            assertThat(image.items()).hasSize(1);
        }
    }

    static List<String> args(String commandLine, Path out) {
        List<String> args = new ArrayList<>();
        if (commandLine.isEmpty()) {
            return args;
        }
        Path corpus = ReferenceZbi.tool().getParent().getParent().resolve("corpus");
        for (String a : commandLine.split("\\|", -1)) {
            args.add(a.replace("{in}", in.toString())
                    .replace("{out}", out.toString())
                    .replace(
                            "{kernel}",
                            corpus.resolve("zbi-tool-2020/complete-x64.zbi").toString())
                    .replace(
                            "{mixed}",
                            corpus.resolve("zbi-tool-2020/mixed-items.zbi").toString()));
        }
        return args;
    }
}
