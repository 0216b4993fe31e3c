package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.ZbiWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpliceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void textPrintsOneRowPerFileAndASummaryForEveryStrategy() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        for (String strategy : new String[] {"clone", "clone-sharecount", "copy", "transfer"}) {
            Cli.Result r = Cli.run("splice", image.toString(), "--strategy=" + strategy);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).startsWith("NAME").contains("OWNED").contains("DEPTH");
            assertThat(lines.subList(1, 6))
                    .extracting(l -> l.split("\\s+")[0])
                    .containsExactly("bin/app", "bin/app-copy", "data/empty", "lib/one.txt", "lib/sub/big.bin");
            assertThat(lines.get(6))
                    .startsWith(strategy + " on kernel 2023 (RFC_0223, ")
                    .contains("): 5 files, ");
        }
    }

    @Test
    void jsonHasTheDocumentedShapeAndCountersFollowTheStrategy() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        JsonNode transfer = JSON.readTree(Cli.run("splice", image.toString(), "--strategy=transfer", "--json")
                .out());
        assertThat(fieldNames(transfer)).containsExactly("image", "strategy", "kernel", "files", "summary");
        assertThat(transfer.get("strategy").asText()).isEqualTo("transfer");
        assertThat(transfer.get("kernel").asText()).isEqualTo("2023");
        JsonNode big = transfer.get("files").get(4);
        assertThat(fieldNames(big)).containsExactly("name", "size", "pages", "ownedPages", "depth", "sharesRangeWith");
        assertThat(big.get("name").asText()).isEqualTo("lib/sub/big.bin");
        assertThat(big.get("pages").asLong()).isEqualTo(4);
        assertThat(big.get("size").asLong()).isEqualTo(4 * 4096);
        assertThat(transfer.get("files").get(1).get("sharesRangeWith").asText()).isEqualTo("bin/app");
        assertThat(transfer.get("files").get(0).get("sharesRangeWith").isNull()).isTrue();
        JsonNode summary = transfer.get("summary");
        assertThat(fieldNames(summary))
                .containsExactly(
                        "vmos",
                        "hiddenNodes",
                        "pagesAllocated",
                        "pagesCopied",
                        "pagesMoved",
                        "pagesZeroed",
                        "maxDepth",
                        "meanDepth");
        assertThat(summary.get("pagesMoved").asLong()).isPositive();
        assertThat(summary.get("pagesCopied").asLong()).isZero();

        JsonNode copy = JSON.readTree(
                Cli.run("splice", image.toString(), "--strategy=copy", "--json").out());
        assertThat(copy.get("summary").get("pagesCopied").asLong()).isPositive();
        assertThat(copy.get("summary").get("pagesMoved").asLong()).isZero();
    }

    @Test
    void theKernelOptionChoosesTheModelsProfileAndFlavour() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Cli.Result r = Cli.run("splice", image.toString(), "--strategy=clone", "--kernel=2024");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("clone on kernel 2024 (ZIRCON_2024, SHARE_COUNT): 5 files, ")
                .contains("lookup depth max 1,");
        Cli.Result bad = Cli.run("splice", image.toString(), "--strategy=clone", "--kernel=1999");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown kernel \"1999\"");
    }

    @Test
    void treeAndDotShowTheVmoTree() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        Cli.Result tree = Cli.run("splice", image.toString(), "--strategy=clone", "--tree");
        Cli.Result plain = Cli.run("splice", image.toString(), "--strategy=clone");
        assertThat(tree.out())
                .startsWith(plain.out())
                .hasSizeGreaterThan(plain.out().length() + 10);
        Cli.Result dot = Cli.run("splice", image.toString(), "--strategy=clone", "--dot");
        assertThat(dot.exitCode()).isZero();
        assertThat(dot.out()).contains("digraph").doesNotContain("NAME");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path image = TestImages.writeSmall(tmp.resolve("small.zbi"));
        assertThat(Cli.run("splice", image.toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.run("splice", image.toString(), "--strategy=teleport").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("splice", image.toString(), "--strategy=copy", "--json", "--dot")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void anImageWithoutBootfsIsAnInvalidInput() throws Exception {
        Path image = tmp.resolve("cmdline-only.zbi");
        new ZbiWriter()
                .addItem(ItemType.CMDLINE, 0, ByteBuffer.wrap("x=1\0".getBytes()))
                .writeTo(image, false);
        Cli.Result r = Cli.run("splice", image.toString(), "--strategy=transfer");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("bootsplice: " + image + ": ").doesNotContain("Exception");
    }
}
