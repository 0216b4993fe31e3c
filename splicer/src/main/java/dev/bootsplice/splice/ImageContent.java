package dev.bootsplice.splice;

import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of an image in file order, rebuilt from what the reader exposes: the container header,
 * each item's header and stored payload, and zeros for alignment padding and anything after the
 * container (writers pad with zeros, so this equals the file for every well-formed image).
 */
public final class ImageContent {
  private static final int CHUNK = 1 << 20;

  /** Receives the image's bytes in order; {@code chunk} is only valid during the call. */
  @FunctionalInterface
  interface ChunkSink {
    void accept(long offset, ByteBuffer chunk);
  }

  private ImageContent() {}

  /** Hands every non-padding piece of the image to {@code sink}, in increasing offset order. */
  static void forEachPiece(ZbiImage image, ChunkSink sink) {
    if (!image.isBareBootfs()) {
      sink.accept(0, ByteBuffer.wrap(image.containerHeader()));
    }
    for (ZbiItem item : image.items()) {
      if (!item.isSynthetic()) {
        sink.accept(item.offset(), ByteBuffer.wrap(item.header()));
      }
      for (long from = 0; from < item.length(); from += CHUNK) {
        int count = (int) Math.min(CHUNK, item.length() - from);
        sink.accept(item.payloadOffset() + from, item.rawPayload(from, count));
      }
    }
  }

  /** The SHA-256 of the image's bytes, as lowercase hex. */
  public static String sha256(ZbiImage image) {
    MessageDigest digest = newSha256();
    long[] position = {0};
    byte[] zeros = new byte[8192];
    forEachPiece(image, (offset, chunk) -> {
      feedZeros(digest, zeros, offset - position[0]);
      position[0] = offset + chunk.remaining();
      digest.update(chunk);
    });
    feedZeros(digest, zeros, image.size() - position[0]);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void feedZeros(MessageDigest digest, byte[] zeros, long count) {
    for (long left = count; left > 0; left -= zeros.length) {
      digest.update(zeros, 0, (int) Math.min(zeros.length, left));
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
