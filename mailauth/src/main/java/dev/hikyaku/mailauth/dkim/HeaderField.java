package dev.hikyaku.mailauth.dkim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * One header field exactly as it was received: its name (without trailing whitespace) and its raw
 * bytes from the first character of the name through the final CRLF, continuation lines included.
 * Simple canonicalization (RFC 6376 §3.4.1) needs these bytes unchanged.
 */
record HeaderField(String name, byte[] raw, int colon) {

  HeaderField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(raw, "raw");
    if (colon < 0 || colon >= raw.length || raw[colon] != ':') {
      throw new IllegalArgumentException("colon index does not point at ':'");
    }
  }

  /** The name in lower case, for case-insensitive comparison (RFC 5322 §1.2.2). */
  String lowerName() {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * Everything after the colon, folding and the final CRLF included, with each byte as one char
   * (ISO-8859-1), so that positions in the text are positions in {@link #raw()}.
   */
  String rawValue() {
    return new String(raw, colon + 1, raw.length - colon - 1, StandardCharsets.ISO_8859_1);
  }

  /** The field as ISO-8859-1 text, byte for char. */
  String rawText() {
    return new String(raw, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return DkimSyntax.shorten(rawText().strip(), 80);
  }
}
