package dev.bootsplice.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bootsplice} in a child JVM (this JVM's java binary and class path, main {@link Main}) with a
 * heap cap, its output going to files: what the tests need to kill a run, bound its memory and read its peak
 * resident set.
 */
final class HardeningChild {
    /** How often a running child's {@code VmHWM} is sampled. */
    private static final long SAMPLE_MILLIS = 20;

    /** One finished run: exit status, both streams, wall time and the peak resident set seen (KiB, 0 if unknown). */
    record Run(int exitCode, String out, String err, long millis, long peakRssKiB) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + millis + " ms, peak RSS " + peakRssKiB + " KiB\n--- stdout\n"
                    + abbreviate(out) + "--- stderr\n" + abbreviate(err);
        }

        private static String abbreviate(String s) {
            return s.length() <= 4000 ? s : s.substring(0, 4000) + "\n... (" + s.length() + " chars)\n";
        }
    }

    private HardeningChild() {}

    /** Returns the java binary running this test. */
    static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Returns the command line running {@code bootsplice ARGS} with {@code -Xmx<heap>} and extra JVM options. */
    static List<String> command(String heap, List<String> jvmOptions, String... args) {
        return command(Main.class, heap, jvmOptions, List.of(args));
    }

    /** Returns the command line running {@code mainClass ARGS} with {@code -Xmx<heap>} and extra JVM options. */
    static List<String> command(Class<?> mainClass, String heap, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** Starts {@code command}, its stdout and stderr going to {@code logs/out.txt} and {@code logs/err.txt}. */
    static Process start(List<String> command, Path logs) throws IOException {
        Files.createDirectories(logs);
        return new ProcessBuilder(command)
                .redirectOutput(logs.resolve("out.txt").toFile())
                .redirectError(logs.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    /**
     * Runs {@code bootsplice ARGS} to completion with {@code -Xmx<heap>}, sampling its peak resident set.
     *
     * @throws AssertionError when it does not end within {@code timeout} (it is then killed)
     */
    static Run run(Path logs, Duration timeout, String heap, String... args) throws IOException, InterruptedException {
        return run(logs, timeout, command(heap, List.of(), args));
    }

    /** As {@link #run(Path, Duration, String, String...)} for a prepared command line. */
    static Run run(Path logs, Duration timeout, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = start(command, logs);
        long deadline = start + timeout.toNanos();
        long peak = 0;
        while (!p.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, peakRssKiB(p.pid()));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size()))
                        + " did not finish within " + timeout + "\n" + read(logs, "err.txt"));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(p.exitValue(), read(logs, "out.txt"), read(logs, "err.txt"), millis, peak);
    }

    /** Returns {@code VmHWM} of a live process in KiB, or 0 when it cannot be read (ended, not Linux). */
    static long peakRssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    static String read(Path logs, String name) throws IOException {
        Path f = logs.resolve(name);
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }
}
