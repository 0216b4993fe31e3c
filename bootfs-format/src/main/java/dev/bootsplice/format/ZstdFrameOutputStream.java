package dev.bootsplice.format;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Writes one zstd frame as the reference tool does: pledged content size in the header, no checksum,
 * long-distance matching from level 4, multi-threaded mode. zstd's multi-threaded output is the same for
 * any worker count of at least one, so the bytes do not depend on the machine's cores.
 */
final class ZstdFrameOutputStream extends OutputStream {
    /** Input is staged in direct buffers of this size before each native call. */
    private static final int BUFFER_SIZE = 1 << 20;
    /** Upper bound on compression threads; the output is identical for any count ≥ 1. */
    private static final int MAX_WORKERS = 4;

    private final OutputStream sink;
    private final ZstdCompressCtx ctx = new ZstdCompressCtx();
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final byte[] transfer = new byte[BUFFER_SIZE];
    private final long pledged;
    /** Bytes accepted so far; never above {@link #pledged}. */
    private long written;

    private boolean closed;

    ZstdFrameOutputStream(OutputStream sink, int level, long uncompressedSize) {
        this(
                sink,
                level,
                uncompressedSize,
                Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
    }

    ZstdFrameOutputStream(OutputStream sink, int level, long uncompressedSize, int workers) {
        this.sink = sink;
        this.pledged = uncompressedSize;
        ctx.setLevel(level);
        ctx.setChecksum(false);
        ctx.setContentSize(true);
        ctx.setWorkers(Math.max(1, workers));
        if (level >= Compression.DEFAULT_LEVEL) {
            ctx.setEnableLongDistanceMatching(Zstd.ParamSwitch.ENABLE);
        }
        ctx.setPledgedSrcSize(uncompressedSize);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("zstd frame already finished");
        }
        if (pledged - written < len) {
            throw new IOException("more than the pledged " + pledged + " bytes written to a zstd frame");
        }
        written += len;
        while (len > 0) {
            int n = Math.min(len, in.remaining());
            in.put(b, off, n);
            off += n;
            len -= n;
            if (!in.hasRemaining()) {
                drain(EndDirective.CONTINUE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (written != pledged) {
                throw new IOException("zstd frame got " + written + " bytes, pledged " + pledged);
            }
            drain(EndDirective.END);
            sink.flush();
        } finally {
            ctx.close();
        }
    }

    /** Feeds the staged input to zstd; with END, loops until the frame epilogue is out. */
    private void drain(EndDirective directive) throws IOException {
        in.flip();
        boolean done;
        do {
            done = ctx.compressDirectByteBufferStream(out, in, directive);
            out.flip();
            int n = out.remaining();
            out.get(transfer, 0, n);
            sink.write(transfer, 0, n);
            out.clear();
        } while (directive == EndDirective.END ? !done : in.hasRemaining());
        in.clear();
    }
}
