package dev.bootsplice.splice;

/**
 * The image cannot be spliced: a BOOTFS layout that boot code would break on (partially shared
 * data ranges, rule F19) or no BOOTFS at all. Its message reads like a format error:
 * {@code entry "lib/b": data range 0x3000+0x2000 partially overlaps "lib/a" (0x2000+0x2000)}.
 */
public final class SpliceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An error with the given one-line reason. */
  public SpliceException(String message) {
    super(message);
  }

  /** An error caused by a format error of the image. */
  public SpliceException(String message, Throwable cause) {
    super(message, cause);
  }
}
