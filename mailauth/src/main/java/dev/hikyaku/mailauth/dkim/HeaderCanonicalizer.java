package dev.hikyaku.mailauth.dkim;

import java.io.ByteArrayOutputStream;

/** Header field canonicalization (RFC 6376 §3.4.1 simple, §3.4.2 relaxed). */
final class HeaderCanonicalizer {

  private HeaderCanonicalizer() {}

  /** The canonical form of {@code field}, ending in CRLF. */
  static byte[] canonicalize(HeaderField field, Canonicalization canonicalization) {
    return switch (canonicalization) {
      case SIMPLE -> field.raw(); // RFC 6376 §3.4.1: no change at all
      case RELAXED -> relaxed(field);
    };
  }

  /**
   * RFC 6376 §3.4.2: lower-case the name, unfold, reduce each run of WSP to one SP, and delete WSP
   * at the end of the value and around the colon.
   */
  private static byte[] relaxed(HeaderField field) {
    byte[] raw = field.raw();
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < field.name().length(); i++) {
      int c = field.name().charAt(i);
      out.write(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    out.write(':');
    boolean pendingSpace = false;
    boolean started = false;
    for (int i = field.colon() + 1; i < raw.length; i++) {
      byte b = raw[i];
      if (b == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') {
        i++; // unfold: the CRLF goes, the WSP after it is reduced below
        continue;
      }
      if (b == ' ' || b == '\t') {
        pendingSpace = started;
        continue;
      }
      if (pendingSpace) {
        out.write(' ');
        pendingSpace = false;
      }
      out.write(b);
      started = true;
    }
    out.write('\r');
    out.write('\n');
    return out.toByteArray();
  }
}
