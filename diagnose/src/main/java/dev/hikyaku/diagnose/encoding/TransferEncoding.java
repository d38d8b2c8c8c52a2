package dev.hikyaku.diagnose.encoding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/** The Content-Transfer-Encodings of RFC 2045 §6.1, and decoding a part's bytes from them. */
enum TransferEncoding {
  SEVEN_BIT("7bit"),
  EIGHT_BIT("8bit"),
  BINARY("binary"),
  QUOTED_PRINTABLE("quoted-printable"),
  BASE64("base64"),
  /** A value RFC 2045 does not define; the bytes are taken as they are. */
  UNKNOWN("unknown");

  private final String label;

  TransferEncoding(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The encoding a Content-Transfer-Encoding value names; none means 7bit (RFC 2045 §6.1). */
  static TransferEncoding of(Optional<String> written) {
    if (written.isEmpty()) {
      return SEVEN_BIT;
    }
    String value = written.get().strip().toLowerCase(Locale.ROOT);
    for (TransferEncoding encoding : values()) {
      if (encoding != UNKNOWN && encoding.label.equals(value)) {
        return encoding;
      }
    }
    return UNKNOWN;
  }

  /** Whether bytes above 127 may appear as they are. */
  boolean eightBitAllowed() {
    return this == EIGHT_BIT || this == BINARY || this == UNKNOWN;
  }

  /** Decodes {@code raw}; invalid characters are skipped, as lenient readers do. */
  byte[] decode(byte[] raw) {
    DecodeMonitor lenient = DecodeMonitor.SILENT;
    try (InputStream in =
        switch (this) {
          case BASE64 -> new Base64InputStream(new ByteArrayInputStream(raw), lenient);
          case QUOTED_PRINTABLE ->
              new QuotedPrintableInputStream(new ByteArrayInputStream(raw), lenient);
          default -> new ByteArrayInputStream(raw);
        }) {
      return in.readAllBytes();
    } catch (IOException e) {
      // In memory and with a silent monitor, the decoders report nothing; keep the bytes as sent.
      return raw;
    }
  }
}
