package dev.bootsplice.cli.zbi;

/** The {@code bootsplice zbi --help} text: the reference tool's switches, in bootsplice's words. */
final class ZbiUsage {
    static final String TEXT =
            """
            Usage: bootsplice zbi [OUTPUT...] INPUT... [-- PATTERN...]
            The command line of Fuchsia's `zbi` tool (a symbolic link named `zbi` to the launcher runs it too).

            Diagnostics:
              -h, --help                  this text
              -t, --list                  list the items (no --output, --depfile)
              -v, --verbose               also list BOOTFS files and CMDLINE words
              -x, --extract               extract BOOTFS files (under --output-dir, or one file to --output)
              -X, --extract-items         extract items as one-item ZBIs NNN.zbi
              -R, --extract-raw           extract items' decompressed payloads NNN.bin / NNN.txt
            Outputs:
              -o, --output=FILE           the ZBI to write (replaced after every input was read)
              -d, --depfile=FILE          a Makefile rule: FILE depends on every input file read
              -D, --output-dir=DIR        where extracted files go (default: .)
              -j, --json-output=FILE      the items as JSON
            Input switches, for the inputs after them:
              -C, --directory=DIR         resolve inputs and manifest sources under DIR
              -F, --files                 inputs are ZBIs, manifests (target=source) or folders (default)
              -T, --type=TYPE             inputs are payloads of items of TYPE (name or hex)
              -p, --prefix=PREFIX         put BOOTFS names under PREFIX/ (folders too)
              -r, --replace               a later duplicate BOOTFS name replaces the earlier one
              -c, --compressed[=HOW]      compress storage items (HOW attached: -cHOW, --compressed=HOW)
              -u, --uncompressed          do not compress
                  --recompress            decompress input storage items and compress them afresh
              -i, --ignore-missing-files  skip manifest entries whose source is missing
              -e, --entry=TEXT            an input holding TEXT (a manifest line, or the payload with -T)
            Output format (the last one counts):
              -B, --complete=ARCH         require a complete image for ARCH (x64, arm64, riscv64); --bootable too
              -c, --compressed[=HOW], -u  compression of the BOOTFS written
            HOW: none, LEVEL, max, zstd, zstd.LEVEL, zstd.max, zstd.overclock, lz4f, lz4f.LEVEL, lz4f.max
            (default zstd level 4). PATTERNs are globs (* matches /); !PATTERN or ^PATTERN excludes. They
            select the BOOTFS files packed, listed or extracted (with -X/-R: the item file names).
            Exit status: 0 success, 1 failure.
            """;

    private ZbiUsage() {}
}
