package dev.hikyaku.diagnose.encoding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Diagnoses mojibake (文字化け) in a message: for every header field with encoded-words or raw
 * non-ASCII bytes, what it says and what is wrong with its encoding; for every leaf part, the
 * declared charset and transfer encoding against the charset detected from the bytes, with a
 * preview read in the charset the text is most likely in; and findings, each with a named cause and
 * a fix.
 *
 * <p>Any input gives a report, never an exception. The work is bounded by {@link EncodingLimits}:
 * only the start of each part is analysed and the rest merely read past, so a 50 MB message costs
 * about as much as reading it.
 *
 * <p>The causes recognised: raw 8-bit or ISO-2022-JP bytes in header fields (RFC 2047 not applied),
 * encoded-words that split a multi-byte character (RFC 2047 §5), unregistered or unknown charset
 * labels ({@code =?SJIS?}, {@code =?x-sjis?}), a declared charset the bytes are not in (ISO-2022-JP
 * that is Shift_JIS, UTF-8 labelled ISO-8859-1...), text parts without a charset, Windows-only
 * characters (①, ㈱, 髙) under Shift_JIS or ISO-2022-JP, half-width katakana and missing returns to
 * ASCII in ISO-2022-JP (RFC 1468), 8-bit bytes declared 7bit or inside base64 and quoted-printable,
 * unknown transfer encodings, and MIME without MIME-Version (RFC 2045 §4).
 */
public final class EncodingAnalyzer {

  private final EncodingLimits limits;

  /** An analyzer with {@link EncodingLimits#defaults()}. */
  public EncodingAnalyzer() {
    this(EncodingLimits.defaults());
  }

  /** An analyzer with the given limits. */
  public EncodingAnalyzer(EncodingLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Analyses a whole message, or just its header block. */
  public EncodingReport analyze(byte[] message) {
    try {
      return analyze(new ByteArrayInputStream(message));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  /**
   * Analyses a message read from {@code message}, up to {@link EncodingLimits#maxMessageBytes()};
   * the stream is not closed.
   *
   * @throws IOException only when the stream itself cannot be read
   */
  public EncodingReport analyze(InputStream message) throws IOException {
    return new MessageWalk(limits).run(message);
  }
}
