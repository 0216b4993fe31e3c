/**
 * JMH benchmarks of bootsplice: parsing and listing, decompression with CRC, writing and compression,
 * the VMO model's page lookup, page copy and page transfer, each splice strategy, the profiler, and the
 * machine's own copy and zero-fill bandwidth to read the model's costs against.
 *
 * <p>Inputs: the corpus image {@code realistic/core-x64.zbi} when the corpus is found (see
 * {@link dev.bootsplice.bench.BenchPaths}), else a generated stand-in; every generated image is cached on
 * disk under {@code benchmarks/target/bench-images}, keyed by its parameters. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar}; {@code docs/performance.md} has the commands.
 */
package dev.bootsplice.bench;
