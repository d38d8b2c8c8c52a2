package dev.hikyaku.diagnose.headers;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS details a receiving MTA recorded in a Received field's comments.
 *
 * @param version the protocol version, normalised to {@code TLSv1.2} / {@code TLSv1.3} style when
 *     recognisable ({@code TLS1_3}, {@code TLS1.3} and {@code TLSv1.3} are the same), else as
 *     written; empty when the field only says TLS was used
 * @param cipher the cipher suite as written, e.g. {@code TLS_AES_256_GCM_SHA384}
 */
public record TlsInfo(Optional<String> version, Optional<String> cipher) {

  public TlsInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(cipher, "cipher");
  }

  /** Whether the version is SSL or TLS before 1.2, which RFC 8996 deprecates. */
  public boolean outdated() {
    return version
        .map(v -> v.toUpperCase(Locale.ROOT))
        .map(v ->
            v.startsWith("SSL") || v.equals("TLSV1") || v.equals("TLSV1.0") || v.equals("TLSV1.1"))
        .orElse(false);
  }

  /** Writes {@code TLS1_3}, {@code TLS1.3}, {@code tlsv1.3} as {@code TLSv1.3}; else as written. */
  static String normalizeVersion(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("TLS")) {
      return text;
    }
    String number = upper.substring(upper.startsWith("TLSV") ? 4 : 3).replace('_', '.');
    boolean plain =
        number.length() == 1 && Character.isDigit(number.charAt(0))
            || number.length() == 3
                && Character.isDigit(number.charAt(0))
                && number.charAt(1) == '.'
                && Character.isDigit(number.charAt(2));
    return plain ? "TLSv" + number : text;
  }
}
