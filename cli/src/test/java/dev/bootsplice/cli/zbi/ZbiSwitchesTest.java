package dev.bootsplice.cli.zbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ZbiSwitchesTest {
    @Test
    void inputSwitchesApplyToTheInputsAfterThemInOrder() throws Exception {
        ZbiRequest r = ZbiSwitches.parse(new String[] {
            "a.zbi",
            "-p",
            "sys",
            "-C",
            "/src",
            "m.txt",
            "-T",
            "cmdline",
            "-e",
            "x=1",
            "-F",
            "--replace",
            "-i",
            "dir",
            "-u",
            "--recompress",
            "b.zbi"
        });
        assertThat(r.inputs).extracting(ZbiInput::text).containsExactly("a.zbi", "m.txt", "x=1", "dir", "b.zbi");
        assertThat(r.inputs.get(0).options().prefix()).isEmpty();
        assertThat(r.inputs.get(1).options().prefix()).isEqualTo("sys");
        assertThat(r.inputs.get(1).options().resolve("m.txt")).isEqualTo(Path.of("/src/m.txt"));
        assertThat(r.inputs.get(2).type()).isEqualTo(ItemType.CMDLINE);
        assertThat(r.inputs.get(2).entry()).isTrue();
        assertThat(r.inputs.get(3).type()).isNull();
        assertThat(r.inputs.get(3).options().replace()).isTrue();
        assertThat(r.inputs.get(3).options().ignoreMissing()).isTrue();
        assertThat(r.inputs.get(3).options().compression()).isEqualTo(Compression.DEFAULT);
        assertThat(r.inputs.get(4).options().compression()).isEqualTo(Compression.NONE);
        assertThat(r.inputs.get(4).options().recompress()).isTrue();
        assertThat(r.compression).isEqualTo(Compression.NONE);
    }

    @Test
    void shortSwitchesBundleAndTakeAttachedValues() throws Exception {
        ZbiRequest r = ZbiSwitches.parse(new String[] {"-tvx", "-oout.zbi", "-D", "dir", "-czstd.max", "in"});
        assertThat(r.list).isTrue();
        assertThat(r.verbose).isTrue();
        assertThat(r.extract).isTrue();
        assertThat(r.output).isEqualTo("out.zbi");
        assertThat(r.outputDir).isEqualTo("dir");
        assertThat(r.compression).isEqualTo(new Compression(dev.bootsplice.format.Codec.ZSTD, 19));
    }

    @Test
    void longSwitchesTakeEqualsOrTheNextArgumentAndMayBeShortened() throws Exception {
        ZbiRequest r = ZbiSwitches.parse(new String[] {
            "--output",
            "o.zbi",
            "--depf=o.d",
            "--json-output=o.json",
            "--complete=arm64",
            "--compressed=lz4f.3",
            "in",
            "--",
            "bin/*",
            "!bin/x"
        });
        assertThat(r.output).isEqualTo("o.zbi");
        assertThat(r.depfile).isEqualTo("o.d");
        assertThat(r.jsonOutput).isEqualTo("o.json");
        assertThat(r.completeKernel).isEqualTo(ItemType.KERNEL_ARM64);
        assertThat(r.compression).hasToString("lz4f:3");
        assertThat(r.patterns).containsExactly("bin/*", "!bin/x");
    }

    @Test
    void compressedTakesItsValueOnlyWhenAttached() throws Exception {
        ZbiRequest r = ZbiSwitches.parse(new String[] {"-u", "--compressed", "max"});
        assertThat(r.compression).isEqualTo(Compression.DEFAULT);
        assertThat(r.inputs).extracting(ZbiInput::text).containsExactly("max");
    }

    @Test
    void badSwitchesAreRefusedWithTheReferenceToolsWords() {
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"--bogus"}))
                .hasMessage("unrecognized option '--bogus'");
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"--ex"})).hasMessage("option '--ex' is ambiguous");
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"-q"})).hasMessage("invalid option -- 'q'");
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"-o"}))
                .hasMessage("option requires an argument -- 'o'");
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"--list=x"}))
                .hasMessage("option '--list' doesn't allow an argument");
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"-T", "nope"})).hasMessage("unrecognized type: nope");
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"-cgzip"}))
                .hasMessage("unrecognized compression algorithm syntax: gzip");
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"-p", "/abs"}))
                .hasMessage("--prefix must be relative (no leading slash)");
        assertThatThrownBy(() -> ZbiSwitches.parse(new String[] {"-B", "mips"}))
                .hasMessageStartingWith("--complete architecture argument must be one of");
    }

    @Test
    void prefixDotAndTrailingSlashesAreNormalised() throws Exception {
        ZbiRequest r = ZbiSwitches.parse(new String[] {"-p", "a/b//", "x", "--prefix=.", "y"});
        assertThat(r.inputs.get(0).options().prefix()).isEqualTo("a/b");
        assertThat(r.inputs.get(1).options().prefix()).isEmpty();
    }
}
