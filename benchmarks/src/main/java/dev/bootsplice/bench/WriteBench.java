package dev.bootsplice.bench;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsBuilder;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import dev.bootsplice.format.ZbiWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing core-x64's 2,384 files (or the stand-in's) from memory: the BOOTFS alone (layout, SHA-256 range
 * sharing, directory, page-aligned data) and the whole ZBI with the BOOTFS compressed, into a sink that only
 * counts bytes. This is {@code pack} without reading the input tree or writing the output file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class WriteBench {

    /** The files of the product image, each in its own array, in directory order. */
    @State(Scope.Benchmark)
    public static class ProductFiles {
        final List<String> names = new ArrayList<>();
        final List<byte[]> contents = new ArrayList<>();

        /** Reads every file of the product image's BOOTFS into its own array. */
        @Setup
        public void setUp() throws IOException, UsageException, ZbiFormatException {
            try (ZbiImage zbi = ZbiImage.open(BenchImages.product())) {
                ZbiItem item = zbi.firstBootfs().orElseThrow(() -> new IllegalStateException("no BOOTFS item"));
                Bootfs bootfs = Bootfs.parse(item.payload());
                for (BootfsEntry e : bootfs.entries()) {
                    ByteBuffer content = bootfs.content(e);
                    byte[] bytes = new byte[content.remaining()];
                    content.get(bytes);
                    names.add(e.name());
                    contents.add(bytes);
                }
            }
            BenchImages.log(names.size() + " files from " + BenchImages.product());
        }

        /** Returns a new builder holding every file (by reference). */
        BootfsBuilder builder() throws UsageException {
            BootfsBuilder builder = new BootfsBuilder();
            for (int i = 0; i < names.size(); i++) {
                builder.add(names.get(i), contents.get(i));
            }
            return builder;
        }
    }

    /** The storage compression of the BOOTFS item. */
    @State(Scope.Benchmark)
    public static class Storage {
        /** {@code zstd:4} is the reference tool's and {@code pack}'s default. */
        @Param({"zstd:4", "lz4f:4"})
        public String compression;
    }

    /** Lays out and writes the uncompressed BOOTFS; returns its size. */
    @Benchmark
    public long writeBootfs(ProductFiles files) throws IOException, UsageException {
        CountingSink sink = new CountingSink();
        files.builder().writeTo(sink);
        return sink.count();
    }

    /** Writes a ZBI holding the BOOTFS compressed with {@link Storage#compression}, CRC-32 included; returns its size. */
    @Benchmark
    public long writeCompressedZbi(ProductFiles files, Storage storage) throws IOException, UsageException {
        CountingSink sink = new CountingSink();
        new ZbiWriter()
                .addStorageItem(ItemType.BOOTFS, files.builder(), Compression.parse(storage.compression))
                .writeTo(sink);
        return sink.count();
    }
}
