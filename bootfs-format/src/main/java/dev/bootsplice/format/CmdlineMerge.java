package dev.bootsplice.format;

import java.nio.charset.StandardCharsets;

/**
 * The reference tool's CMDLINE merge (spec §4.3 step 2): each fragment is appended after one space, then
 * leading whitespace and trailing NULs and whitespace of the whole text are trimmed; a non-empty result
 * becomes one NUL-terminated CMDLINE payload.
 */
final class CmdlineMerge {
    /** Separators the tool trims: space, tab, CR, LF. */
    private static final String WHITESPACE = " \t\r\n";

    private final StringBuilder text = new StringBuilder();

    /** Appends one fragment (UTF-8 bytes as stored in a CMDLINE item, or text from the command line). */
    void append(byte[] fragment) {
        append(new String(fragment, StandardCharsets.UTF_8));
    }

    void append(String fragment) {
        text.append(' ').append(fragment);
        int start = 0;
        while (start < text.length() && WHITESPACE.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        text.delete(0, start);
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        while (end > 0 && WHITESPACE.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        text.setLength(end);
    }

    /** Returns true when nothing but whitespace was appended. */
    boolean isEmpty() {
        return text.length() == 0;
    }

    /** Returns the merged text with its NUL terminator, as one CMDLINE payload. */
    byte[] payload() {
        return (text + "\0").getBytes(StandardCharsets.UTF_8);
    }
}
