package dev.hikyaku.diagnose.bounce;

/**
 * How much of a message the parser reads, whatever its size, so that a huge or hostile message
 * costs bounded time and memory.
 *
 * @param maxMessageBytes bytes of the message read; the rest is ignored and a problem noted
 *     (default 1 MiB: a report's own parts come before the returned message, RFC 6522)
 * @param maxRecipients per-recipient entries kept; the rest are counted in a problem (default 500)
 * @param maxTextChars characters of human-readable text searched for text bounces (default 65 536)
 * @param maxOriginalHeaderBytes bytes of the returned message's header read (default 64 KiB)
 */
public record BounceLimits(
    int maxMessageBytes, int maxRecipients, int maxTextChars, int maxOriginalHeaderBytes) {

  /** The defaults described above. */
  public static final BounceLimits DEFAULTS = new BounceLimits(1 << 20, 500, 65_536, 64 * 1024);

  public BounceLimits {
    if (maxMessageBytes < 1024
        || maxRecipients < 1
        || maxTextChars < 1024
        || maxOriginalHeaderBytes < 1024) {
      throw new IllegalArgumentException(
          "limits: at least 1024 bytes or characters each, and at least one recipient");
    }
  }
}
