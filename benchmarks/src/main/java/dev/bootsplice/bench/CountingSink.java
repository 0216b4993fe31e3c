package dev.bootsplice.bench;

import java.io.OutputStream;

/** An output stream that keeps only the number of bytes written, so writers are timed without disk I/O. */
final class CountingSink extends OutputStream {
    /** Bytes written so far; the writer's output size. */
    private long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    /** Returns the number of bytes written. */
    long count() {
        return count;
    }
}
