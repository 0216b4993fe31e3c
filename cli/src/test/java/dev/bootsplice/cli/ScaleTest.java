package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale run ({@code mvn -B verify -Pscale}): a generated 1 GiB, 50,000-file image through {@code generate},
 * {@code list}, {@code verify}, {@code extract}, {@code pack} (of the extracted tree) and {@code profile}, each in
 * a child JVM with {@value #HEAP} of heap, plus an image holding exactly the reader's item limit. Every step must
 * succeed and agree with the others; wall time and peak resident set (VmHWM) of each go to
 * {@code target/scale-report.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(
        named = "bootsplice.scale",
        matches = "true",
        disabledReason = "scale test: run mvn -B verify -Pscale")
class ScaleTest {
    static final String HEAP = "4g";
    private static final int FILES = 50_000;
    private static final String SIZE = "1GiB";
    private static final long SIZE_BYTES = 1L << 30;
    /** A hang guard only; the whole run takes minutes on a shared two-core machine. */
    private static final Duration HANG = Duration.ofMinutes(30);

    private static final Path REPORT = Path.of("target", "scale-report.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static Path image;
    /** BOOTFS name to size, from the generated image's listing. */
    private static TreeMap<String, Long> entries;

    @BeforeAll
    static void startTheReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(
                REPORT,
                String.format(
                        Locale.ROOT,
                        "# bootsplice scale run %s: %d files, %s, child -Xmx%s," + " %d cores%n%-44s %10s %14s  %s%n",
                        Instant.now(),
                        FILES,
                        SIZE,
                        HEAP,
                        Runtime.getRuntime().availableProcessors(),
                        "step",
                        "seconds",
                        "peak RSS MiB",
                        "exit"),
                StandardCharsets.UTF_8);
        image = work.resolve("scale.zbi");
    }

    private static HardeningChild.Run step(String label, String heap, String... args) throws Exception {
        HardeningChild.Run r =
                HardeningChild.run(work.resolve("logs-" + label.replaceAll("\\W+", "-")), HANG, heap, args);
        Files.writeString(
                REPORT,
                String.format(
                        Locale.ROOT,
                        "%-44s %10.1f %14d  %d%n",
                        label,
                        r.millis() / 1000.0,
                        r.peakRssKiB() / 1024,
                        r.exitCode()),
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return r;
    }

    private static TreeMap<String, Long> bootfsEntries(String listingJson) throws IOException {
        TreeMap<String, Long> m = new TreeMap<>();
        for (JsonNode item : JSON.readTree(listingJson).get("items")) {
            if (item.get("bootfs") != null && !item.get("bootfs").isNull()) {
                for (JsonNode e : item.get("bootfs").get("entries")) {
                    m.put(e.get("name").asText(), e.get("size").asLong());
                }
            }
        }
        return m;
    }

    @Test
    @Order(1)
    void generateWritesAOneGibibyteFiftyThousandFileImage() throws Exception {
        HardeningChild.Run r = step(
                "generate --size=1GiB --files=50000",
                HEAP,
                "generate",
                "-o",
                image.toString(),
                "--size=" + SIZE,
                "--files=" + FILES);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(FILES + " files", "BOOTFS " + SIZE_BYTES + " bytes");
    }

    @Test
    @Order(2)
    void listShowsEveryFile() throws Exception {
        HardeningChild.Run r = step("list --json", HEAP, "list", "--json", image.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        entries = bootfsEntries(r.out());
        assertThat(entries).hasSize(FILES);
        HardeningChild.Run text = step("list", HEAP, "list", image.toString());
        assertThat(text.exitCode()).as(text.toString()).isZero();
    }

    @Test
    @Order(3)
    void verifyAcceptsTheImage() throws Exception {
        HardeningChild.Run r = step("verify", HEAP, "verify", image.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("OK");
    }

    @Test
    @Order(4)
    void extractWritesEveryFileWithItsListedSizeAndPackRebuildsTheSameDirectory() throws Exception {
        Path tree = work.resolve("tree");
        HardeningChild.Run r = step("extract", HEAP, "extract", image.toString(), "-o", tree.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        TreeMap<String, Long> onDisk = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                onDisk.put(tree.relativize(f).toString(), Files.size(f));
            }
        }
        assertThat(onDisk).isEqualTo(entries);

        Path repacked = work.resolve("repacked.zbi");
        HardeningChild.Run pack =
                step("pack (extracted tree)", HEAP, "pack", "-o", repacked.toString(), tree.toString());
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        HardeningChild.Run list = step("list --json (repacked)", HEAP, "list", "--json", repacked.toString());
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(bootfsEntries(list.out())).isEqualTo(entries);
        HardeningChild.Run verify = step("verify (repacked)", HEAP, "verify", repacked.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    @Order(5)
    void profileReportsEveryFileForEachStrategy() throws Exception {
        Path report = work.resolve("report.json");
        HardeningChild.Run r = step(
                "profile -o report.json", HEAP, "profile", image.toString(), "--format=json", "-o", report.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(report.toFile());
        assertThat(root.get("image").get("files").asLong()).isEqualTo(FILES);
        List<String> names = new ArrayList<>();
        root.get("strategies").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactly("clone", "copy", "transfer");
    }

    @Test
    @Order(6)
    void anImageOfExactlyTheReaderItemLimitIsListedAndVerified() throws Exception {
        Path limit = Files.write(work.resolve("item-limit.zbi"), HostileInputTest.items(1 << 20));
        HardeningChild.Run list = step("list (2^20 items, reader limit)", "1g", "list", limit.toString());
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines().filter(l -> l.contains("DISCARD")).count())
                .isEqualTo(1 << 20);
        HardeningChild.Run verify = step("verify (2^20 items, reader limit)", "1g", "verify", limit.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    /**
     * A compressed payload over {@code Spool.MEMORY_LIMIT} (64 MiB) is measured in a temporary
     * {@code bootsplice-*.spool} file in {@code java.io.tmpdir} before OUT's own temporary file exists. SIGKILL
     * then leaves that spool file behind (nothing can delete it) and no trace in OUT's folder; the next run
     * neither needs nor removes it.
     */
    @Test
    @Order(7)
    void generateKilledWhileSpoolingLeavesNoOutputAndOnlyANamedSpoolFile() throws Exception {
        Path temp = Files.createDirectories(work.resolve("java-tmp"));
        Path folder = Files.createDirectories(work.resolve("spool-out"));
        Path out = folder.resolve("big.zbi");
        Process p = HardeningChild.start(
                HardeningChild.command(
                        Main.class,
                        HEAP,
                        List.of("-Djava.io.tmpdir=" + temp),
                        List.of(
                                "generate",
                                "-o",
                                out.toString(),
                                "--size=768MiB",
                                "--files=2000",
                                "--compress=zstd:1")),
                work.resolve("logs-spool"));
        long deadline = System.nanoTime() + HANG.toNanos();
        List<String> spools = List.of();
        while (spools.isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(temp)) {
                spools = s.map(f -> f.getFileName().toString())
                        .filter(n -> n.matches("bootsplice-\\d+\\.spool"))
                        .toList();
            }
            Thread.sleep(5);
        }
        p.destroyForcibly().waitFor();
        assertThat(spools).as("a spool file appeared while the child ran").hasSize(1);
        assertThat(p.exitValue()).isEqualTo(137);
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s.toList()).as("nothing in OUT's folder").isEmpty();
        }

        HardeningChild.Run again = HardeningChild.run(
                work.resolve("logs-spool-again"),
                HANG,
                HardeningChild.command(
                        Main.class,
                        HEAP,
                        List.of("-Djava.io.tmpdir=" + temp),
                        List.of("generate", "-o", out.toString(), "--size=8MiB")));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        try (Stream<Path> s = Files.list(temp)) {
            assertThat(s.map(f -> f.getFileName().toString()).toList()).containsExactlyElementsOf(spools);
        }
    }
}
