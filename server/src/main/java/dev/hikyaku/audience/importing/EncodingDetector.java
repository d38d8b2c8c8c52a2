package dev.hikyaku.audience.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Tells the charset of a file from its first bytes. */
final class EncodingDetector {

  private EncodingDetector() {}

  /** What {@link #detect} found: the encoding and how many bytes of byte order mark to skip. */
  record Detection(DetectedEncoding encoding, int bomLength) {}

  /**
   * Detects the charset of {@code prefix}, the first bytes of the file; {@code override} wins over
   * everything but still has a matching byte order mark skipped.
   */
  static Detection detect(byte[] prefix, Optional<Charset> override) {
    Optional<Detection> bom = byteOrderMark(prefix);
    if (override.isPresent()) {
      Charset charset = override.get();
      int skip =
          bom.filter(b -> sameFamily(b.encoding().charset(), charset))
              .map(Detection::bomLength)
              .orElse(0);
      return new Detection(new DetectedEncoding(charset, DetectedEncoding.Evidence.OVERRIDE), skip);
    }
    if (bom.isPresent()) {
      return bom.get();
    }
    if (isAscii(prefix)) {
      return found(StandardCharsets.UTF_8, DetectedEncoding.Evidence.ASCII_ONLY);
    }
    if (decodes(prefix, StandardCharsets.UTF_8)) {
      return found(StandardCharsets.UTF_8, DetectedEncoding.Evidence.VALID_UTF_8);
    }
    if (looksLikeEucJp(prefix)) {
      return found(DetectedEncoding.EUC_JP, DetectedEncoding.Evidence.LOOKS_LIKE_EUC_JP);
    }
    return found(DetectedEncoding.WINDOWS_31J, DetectedEncoding.Evidence.NOT_UTF_8);
  }

  private static Detection found(Charset charset, DetectedEncoding.Evidence evidence) {
    return new Detection(new DetectedEncoding(charset, evidence), 0);
  }

  private static Optional<Detection> byteOrderMark(byte[] b) {
    DetectedEncoding.Evidence bom = DetectedEncoding.Evidence.BYTE_ORDER_MARK;
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return Optional.of(new Detection(new DetectedEncoding(StandardCharsets.UTF_8, bom), 3));
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return Optional.of(new Detection(new DetectedEncoding(StandardCharsets.UTF_16LE, bom), 2));
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Optional.of(new Detection(new DetectedEncoding(StandardCharsets.UTF_16BE, bom), 2));
    }
    return Optional.empty();
  }

  private static boolean sameFamily(Charset bom, Charset override) {
    return bom.equals(override)
        || (bom.name().startsWith("UTF-16") && override.name().startsWith("UTF-16"));
  }

  private static boolean isAscii(byte[] prefix) {
    for (byte b : prefix) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code prefix} decodes without error; a sequence cut off at the end of the prefix is
   * not an error, because the file goes on.
   */
  private static boolean decodes(byte[] prefix, Charset charset) {
    CharBuffer out = CharBuffer.allocate(prefix.length + 1);
    return !charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(prefix), out, false)
        .isError();
  }

  /**
   * EUC-JP uses 0x8E and 0x8F as single shifts and 0xA1–0xFE for everything else; Shift_JIS text
   * with kana or common kanji uses lead bytes 0x81–0x9F (hiragana 0x82, katakana 0x83), which
   * EUC-JP never writes. Without such bytes, a prefix that is valid EUC-JP is taken for it: read as
   * windows-31j it would turn into plausible-looking half-width katakana, silently.
   */
  private static boolean looksLikeEucJp(byte[] prefix) {
    for (byte b : prefix) {
      int v = b & 0xFF;
      if (v >= 0x80 && v <= 0xA0 && v != 0x8E && v != 0x8F) {
        return false;
      }
    }
    return decodes(prefix, DetectedEncoding.EUC_JP);
  }
}
