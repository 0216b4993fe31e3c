package dev.bootsplice.cli.zbi;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ItemType;
import java.util.ArrayList;
import java.util.List;

/** A parsed {@code zbi} command line: inputs in order, outputs, modes and the trailing patterns. */
final class ZbiRequest {
    final List<ZbiInput> inputs = new ArrayList<>();
    final List<String> patterns = new ArrayList<>();
    String output;
    String depfile;
    String outputDir;
    String jsonOutput;
    boolean help;
    boolean list;
    boolean verbose;
    boolean extract;
    boolean extractItems;
    boolean extractRaw;
    /** The kernel type {@code --complete}/{@code -B} requires, or null. */
    ItemType completeKernel;
    /** The last {@code -c}/{@code -u}: compression of the BOOTFS written. */
    Compression compression = Compression.DEFAULT;

    /** Returns true when only listing, extracting or describing: nothing is merged and nothing compressed. */
    boolean readsOnly() {
        return output == null || extract;
    }
}
