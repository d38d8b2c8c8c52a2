package dev.hikyaku.diagnose.logs;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code Trusted TLS connection established to mx[ip]:25: TLSv1.3 with cipher X (256/256
 * bits) key-exchange X25519 server-signature ECDSA (P-256) server-digest SHA256}
 * (src/tls/tls_misc.c, tls_log_summary).
 */
final class TlsParser {

  private static final String ESTABLISHED = " TLS connection established ";

  private TlsParser() {}

  /** The handshake in {@code text}, or null. */
  static TlsEstablished parse(String text) {
    TextCursor cursor = new TextCursor(text);
    Optional<TlsEstablished.Trust> trust = TlsEstablished.Trust.fromLog(cursor.word());
    if (trust.isEmpty() || !cursor.skip(ESTABLISHED)) {
      return null;
    }
    boolean outbound = cursor.skip("to ");
    if (!outbound && !cursor.skip("from ")) {
      return null;
    }
    Optional<Peer> peer = Peer.read(cursor);
    if (peer.isEmpty() || !cursor.skip(": ")) {
      return null;
    }
    String protocol = cursor.word();
    if (protocol.isEmpty() || !cursor.skip(" with cipher ")) {
      return null;
    }
    String cipher = cursor.word();
    if (cipher.isEmpty() || !cursor.skip(" (")) {
      return null;
    }
    String bits = cursor.upTo(" bits)");
    if (bits == null || bits.length() > 20) {
      return null;
    }
    Optional<String> keyExchange = Optional.empty();
    Optional<TlsEstablished.Signature> server = Optional.empty();
    Optional<TlsEstablished.Signature> client = Optional.empty();
    while (cursor.skip(" ")) {
      String key = cursor.word();
      if (!cursor.skip(" ")) {
        break;
      }
      switch (key) {
        case "key-exchange" -> keyExchange = Optional.of(cursor.word());
        case "server-signature" -> server = Optional.of(signature(cursor));
        case "client-signature" -> client = Optional.of(signature(cursor));
        case "server-digest" -> {
          String digest = cursor.word();
          server = server.map(s -> s.withDigest(digest));
        }
        case "client-digest" -> {
          String digest = cursor.word();
          client = client.map(s -> s.withDigest(digest));
        }
        default -> cursor.moveTo(text.length());
      }
    }
    return new TlsEstablished(
        outbound, trust.get(), peer.get(), protocol, cipher, bits, keyExchange, server, client);
  }

  /** {@code RSA-PSS (4096 bits)} or {@code ECDSA (P-256)}. */
  private static TlsEstablished.Signature signature(TextCursor cursor) {
    String algorithm = cursor.word();
    Optional<String> curve = Optional.empty();
    OptionalInt bits = OptionalInt.empty();
    int mark = cursor.position();
    if (cursor.skip(" (")) {
      // A bounded search: a line of unclosed parentheses must not be scanned once per key.
      String detail = cursor.upTo(')', 40);
      if (detail == null) {
        cursor.moveTo(mark);
      } else if (detail.endsWith(" bits")) {
        TextCursor number = new TextCursor(detail);
        bits = number.number();
      } else {
        curve = Optional.of(detail);
      }
    }
    return new TlsEstablished.Signature(algorithm, curve, bits, Optional.empty());
  }
}
