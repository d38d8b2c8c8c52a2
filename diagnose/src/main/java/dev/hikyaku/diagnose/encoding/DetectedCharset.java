package dev.hikyaku.diagnose.encoding;

import java.nio.charset.Charset;

/** A charset that {@link CharsetDetector} can recognise from bytes alone. */
public enum DetectedCharset {
  /** 7-bit bytes without ISO-2022-JP escape sequences. */
  US_ASCII("US-ASCII", "US-ASCII"),
  /** UTF-8 (RFC 3629). */
  UTF_8("UTF-8", "UTF-8"),
  /** ISO-2022-JP (RFC 1468), read with the Windows extensions (CP50220) so ① and ㈱ survive. */
  ISO_2022_JP("ISO-2022-JP", "x-windows-iso2022jp"),
  /** Shift_JIS, read as its Windows superset CP932 (Windows-31J) so ①, ㈱ and 髙 survive. */
  SHIFT_JIS("Shift_JIS", "windows-31j"),
  /** EUC-JP. */
  EUC_JP("EUC-JP", "EUC-JP");

  private final String mimeName;
  private final Charset reading;

  DetectedCharset(String mimeName, String reading) {
    this.mimeName = mimeName;
    this.reading = Charset.forName(reading);
  }

  /** The charset's registered name, as a Content-Type charset parameter would give it. */
  public String mimeName() {
    return mimeName;
  }

  /** The JDK charset that reads text in it best: the Windows superset for the Japanese ones. */
  public Charset readingCharset() {
    return reading;
  }
}
