package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path oldImage;
    private Path newImage;

    static byte[] content(int size, int seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    private Path pack(String name, Map<String, byte[]> files) throws Exception {
        Path dir = tmp.resolve(name + "-tree");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        Path out = tmp.resolve(name + ".zbi");
        Cli.Result r = Cli.run("pack", "-o", out.toString(), dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return out;
    }

    @BeforeEach
    void images() throws Exception {
        Map<String, byte[]> old = new TreeMap<>();
        old.put("bin/app", content(5000, 1));
        old.put("bin/tool", content(100, 2));
        old.put("lib/x/libc.so", content(9000, 3));
        old.put("data/conf", content(10, 4));
        old.put("meta/old", content(300, 5));
        Map<String, byte[]> neu = new TreeMap<>(old);
        neu.put("bin/app", content(6000, 9));
        neu.put("data/conf2", neu.remove("data/conf"));
        neu.remove("meta/old");
        neu.put("lib/x/extra.so", content(2000, 7));
        oldImage = pack("old", old);
        newImage = pack("new", neu);
    }

    @Test
    void diffJsonListsExactlyTheKnownChangesAndPerPrefixSums() throws Exception {
        Cli.Result r = Cli.run("diff", oldImage.toString(), newImage.toString(), "--format=json", "--depth=2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode d = JSON.readTree(r.out());
        assertThat(d.at("/files/added").toString()).isEqualTo("[{\"name\":\"lib/x/extra.so\",\"size\":2000}]");
        assertThat(d.at("/files/removed").toString()).isEqualTo("[{\"name\":\"meta/old\",\"size\":300}]");
        assertThat(d.at("/files/changed").toString())
                .isEqualTo("[{\"name\":\"bin/app\",\"oldSize\":5000,\"newSize\":6000,\"delta\":1000}]");
        assertThat(d.at("/files/renamed").toString())
                .isEqualTo("[{\"from\":\"data/conf\",\"to\":\"data/conf2\",\"size\":10}]");
        assertThat(d.at("/files/unchanged").asLong()).isEqualTo(2);
        Map<String, Long> deltas = new TreeMap<>();
        d.get("prefixes")
                .forEach(
                        p -> deltas.put(p.get("prefix").asText(), p.get("delta").asLong()));
        assertThat(deltas)
                .containsExactlyEntriesOf(
                        new TreeMap<>(Map.of("bin", 1000L, "data", 0L, "lib/x", 2000L, "meta", -300L)));
        assertThat(d.at("/sizes/image/delta").asLong()).isEqualTo(Files.size(newImage) - Files.size(oldImage));
        assertThat(d.at("/items/added").size()).isZero();
        assertThat(d.has("bootCost")).isFalse();
    }

    @Test
    void diffBudgetsExitFourWhenTheyHoldAndSizeBudgetsReadTheNewImage() {
        Cli.Result pass = Cli.run(
                "diff",
                oldImage.toString(),
                newImage.toString(),
                "--fail-on=files.added>1",
                "--fail-on=bootfs.bytes.delta>1MiB",
                "--fail-on=size[bin/**]>6100");
        assertThat(pass.exitCode()).as(pass.toString()).isZero();
        assertThat(pass.out())
                .contains("files.added>1: actual 1 (ok)")
                .contains("size[bin/**]>6100: actual 6,100 bytes");
        Cli.Result fail = Cli.run(
                "diff",
                oldImage.toString(),
                newImage.toString(),
                "--fail-on=files.added>0",
                "--fail-on=size[bin/**]>6099");
        assertThat(fail.exitCode()).as(fail.toString()).isEqualTo(4);
        assertThat(fail.err())
                .contains("bootsplice: check failed: files.added>0: actual 1 (FAILED)")
                .contains("bootsplice: check failed: size[bin/**]>6099: actual 6,100 bytes");
    }

    @Test
    void diffWithProfileAddsEachStrategysBootCostChange() throws Exception {
        Cli.Result r = Cli.run(
                "diff",
                oldImage.toString(),
                newImage.toString(),
                "--profile",
                "--strategies=clone,transfer",
                "--format=json",
                "--fail-on=transfer.bootCost.modeledNs.delta>1e12");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode cost = JSON.readTree(r.out()).get("bootCost");
        assertThat(cost).hasSize(2);
        assertThat(cost.get(0).get("strategy").asText()).isEqualTo("clone");
        assertThat(cost.get(1).get("deltaNs").asLong())
                .isEqualTo(cost.get(1).get("newNs").asLong()
                        - cost.get(1).get("oldNs").asLong());
    }

    @Test
    void diffMarkdownOpensWithTheSummaryAndFoldsTheLists() {
        Cli.Result r = Cli.run("diff", oldImage.toString(), newImage.toString(), "--format=markdown");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow())
                .startsWith("`old.zbi` → `new.zbi`: 1 file added, 1 removed, 1 changed, 1 renamed; BOOTFS ");
        assertThat(r.out())
                .contains("<details><summary>Files renamed (1)</summary>")
                .contains("- `data/conf` → `data/conf2`");
    }

    @Test
    void badDiffArgumentsAreUsageErrors() {
        assertThat(Cli.run("diff", oldImage.toString(), newImage.toString(), "--fail-on=files.bogus>1")
                        .exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("diff", oldImage.toString(), newImage.toString(), "--format=html")
                        .exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("diff", oldImage.toString(), newImage.toString(), "--depth=0")
                        .exitCode())
                .isEqualTo(2);
        Cli.Result missing =
                Cli.run("diff", oldImage.toString(), tmp.resolve("nope.zbi").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).startsWith("bootsplice: ").contains("nope.zbi");
    }
}
