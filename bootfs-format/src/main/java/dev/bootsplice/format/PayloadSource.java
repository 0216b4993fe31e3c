package dev.bootsplice.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** A payload of known size that can be written more than once, each time with the same bytes. */
interface PayloadSource {
    /** Returns the exact number of bytes {@link #writeTo} writes. */
    long size();

    /** Writes the payload to {@code out} (does not close it). */
    void writeTo(OutputStream out) throws IOException;

    /** Returns a source over the remaining bytes of {@code buffer}, which must not change afterwards. */
    static PayloadSource of(ByteBuffer buffer) {
        ByteBuffer view = buffer.slice();
        return new PayloadSource() {
            @Override
            public long size() {
                return view.remaining();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                Streams.write(view.duplicate(), out);
            }
        };
    }
}
