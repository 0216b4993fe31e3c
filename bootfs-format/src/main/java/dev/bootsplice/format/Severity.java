package dev.bootsplice.format;

/** How bad a {@link Problem} is: errors reject an image, warnings are reported and accepted (spec §3). */
public enum Severity {
    /** A rule zbitl enforces (or a CRC mismatch): the image is rejected. */
    ERROR,
    /** A project or reference-tool rule: reported, accepted unless in strict mode. */
    WARNING
}
