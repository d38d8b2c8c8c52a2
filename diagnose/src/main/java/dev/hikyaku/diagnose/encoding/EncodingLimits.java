package dev.hikyaku.diagnose.encoding;

/**
 * How much of a message the encoding analysis reads, so a 50 MB message costs no more than a small
 * one.
 *
 * @param partPrefixBytes at most this many bytes of each part (as transferred) are analysed; the
 *     rest is skipped. Default 128 KiB.
 * @param maxParts at most this many leaf parts are analysed. Default 100.
 * @param maxMessageBytes the message is read up to this many bytes. Default 64 MiB.
 */
public record EncodingLimits(int partPrefixBytes, int maxParts, long maxMessageBytes) {

  public EncodingLimits {
    if (partPrefixBytes < 1024) {
      throw new IllegalArgumentException("the part prefix must be at least 1024 bytes");
    }
    if (maxParts < 1) {
      throw new IllegalArgumentException("at least one part must be analysed");
    }
    if (maxMessageBytes < partPrefixBytes) {
      throw new IllegalArgumentException("the message limit must hold at least one part prefix");
    }
  }

  /** 128 KiB of each part, 100 parts, 64 MiB of the message. */
  public static EncodingLimits defaults() {
    return new EncodingLimits(128 * 1024, 100, 64L * 1024 * 1024);
  }
}
