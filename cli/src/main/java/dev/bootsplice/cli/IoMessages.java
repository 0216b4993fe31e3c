package dev.bootsplice.cli;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;

/** Turns I/O exceptions into the short lowercase reasons users see, never naming an exception class. */
final class IoMessages {
    /** The one wording, in every command, for an output that exists and may be replaced only with --force. */
    static final String FORCE_HINT = "use --force to overwrite";
    /** The reason for an existing output without --force, worded with {@link #FORCE_HINT}. */
    static final String ALREADY_EXISTS = "already exists (" + FORCE_HINT + ")";

    private IoMessages() {}

    /** Returns a library's usage reason in the command line's words: {@code --SETTING: REASON} when it names one. */
    static String usage(dev.bootsplice.format.UsageException e) {
        return e.setting().map(s -> "--" + s + ": ").orElse("") + e.getMessage();
    }

    /** Returns {@code FILE: REASON} for an I/O failure on {@code file}. */
    static String describe(Path file, IOException e) {
        return file + ": " + reason(e);
    }

    /** Returns {@code FILE: REASON} when the exception names its file, else the reason alone. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return fse.getFile() + ": " + reason(e);
        }
        return reason(e);
    }

    /** Returns the reason alone, e.g. {@code no such file or directory}. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return ALREADY_EXISTS;
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof NotLinkException) {
            return "not a symbolic link";
        }
        if (e instanceof EOFException) {
            return "unexpected end of file";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return lowercaseFirst(fse.getReason());
        }
        Throwable t = e;
        // new IOException(cause) words itself as the cause's toString(): the cause's own message is the reason.
        while (t.getCause() != null
                && t.getCause() != t
                && String.valueOf(t.getMessage()).equals(t.getCause().toString())) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "input/output error";
        }
        return lowercaseFirst(firstLine(message));
    }

    /** Returns the first line of {@code message}: parsers such as Jackson append a source excerpt below it. */
    static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static String lowercaseFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    /**
     * Returns {@code text} with control characters (C0, DEL and C1) written as {@code \xNN}: a hostile BOOTFS
     * name can then neither split a one-line message into two (forging a line) nor send escape sequences to
     * a terminal.
     */
    static String printable(String text) {
        return dev.bootsplice.format.Locations.printable(text);
    }
}
