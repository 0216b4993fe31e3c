package dev.bootsplice.cli.zbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The inputs of the compatibility suite: two trees (no empty files and no equal contents in distinct files,
 * where the 2020 tool's inode sharing and bootsplice's content sharing would lay data out differently),
 * manifests, raw payloads, and images the reference tool itself wrote.
 */
final class ZbiFixtures {
    private ZbiFixtures() {}

    /** Creates the inputs under {@code in} and returns it. */
    static Path create(Path in) throws Exception {
        Path tree = in.resolve("tree");
        write(tree.resolve("bin/app"), "#!/boot/bin/sh\necho app\n");
        write(tree.resolve("data/big.bin"), pattern(10_000, 7));
        write(tree.resolve("lib/one.txt"), "one\n");
        write(tree.resolve("lib/sub/two.txt"), "two two\n");
        write(tree.resolve("zlast.txt"), "the last file\n");
        Path tree2 = in.resolve("tree2");
        write(tree2.resolve("bin/app"), "#!/boot/bin/sh\necho replaced\n");
        write(tree2.resolve("etc/config.json"), "{\"a\": 1}\n");
        write(
                in.resolve("m.txt"),
                "cfg/a=" + tree.resolve("lib/one.txt") + "\ncfg/b=" + tree.resolve("zlast.txt") + "\n");
        write(
                in.resolve("missing.txt"),
                "x/present=" + tree.resolve("zlast.txt") + "\nx/absent=" + in.resolve("nope") + "\n");
        write(in.resolve("bad-manifest.txt"), "no separator here\n");
        write(in.resolve("dir/m2.txt"), "q/app=tree/bin/app\nq/two=tree/lib/sub/two.txt\n");
        write(in.resolve("ramdisk.bin"), pattern(5_000, 3));
        write(in.resolve("cmd.txt"), "console=serial kernel.x=1\n");
        reference(in, "-o", "base.zbi", "tree", "-T", "cmdline", "-e", "base.cmd=1");
        reference(in, "-o", "ramdisk.zbi", "-T", "ramdisk", "ramdisk.bin");
        return in;
    }

    private static void reference(Path cwd, String... args) throws Exception {
        assertThat(ReferenceZbi.reference(cwd, List.of(args)).status())
                .as("reference zbi %s", List.of(args))
                .isZero();
    }

    private static void write(Path file, String text) throws Exception {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Bytes that compress somewhat, different for each {@code seed}. */
    private static byte[] pattern(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ((i * seed) ^ (i >> 7));
        }
        return b;
    }
}
