package dev.bootsplice.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.ArchiveStreamProvider;

/**
 * Lets {@code new ArchiveStreamFactory().createArchiveInputStream("bootfs", in)} find the BOOTFS streams
 * through {@code META-INF/services}. commons-compress looks providers up with the system class loader, so
 * inside a Maven plugin (or any child class loader) this lookup fails: construct
 * {@link BootfsArchiveInputStream} and {@link BootfsArchiveOutputStream} directly there.
 */
public final class BootfsArchiveStreamProvider implements ArchiveStreamProvider {
    /** The archiver name this provider answers to. */
    public static final String BOOTFS = "bootfs";

    @Override
    @SuppressWarnings("unchecked")
    public <I extends ArchiveInputStream<? extends ArchiveEntry>> I createArchiveInputStream(
            String name, InputStream in, String encoding) throws ArchiveException {
        check(name);
        try {
            return (I) new BootfsArchiveInputStream(in);
        } catch (IOException e) {
            throw new ArchiveException(e.getMessage(), (Exception) e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <O extends ArchiveOutputStream<? extends ArchiveEntry>> O createArchiveOutputStream(
            String name, OutputStream out, String encoding) throws ArchiveException {
        check(name);
        return (O) new BootfsArchiveOutputStream(out);
    }

    @Override
    public Set<String> getInputStreamArchiveNames() {
        return Set.of(BOOTFS);
    }

    @Override
    public Set<String> getOutputStreamArchiveNames() {
        return Set.of(BOOTFS);
    }

    private static void check(String name) throws ArchiveException {
        if (!BOOTFS.equalsIgnoreCase(name)) {
            throw new ArchiveException("archiver " + name + " not provided here; only " + BOOTFS);
        }
    }
}
