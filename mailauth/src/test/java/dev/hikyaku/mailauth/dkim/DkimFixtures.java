package dev.hikyaku.mailauth.dkim;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/** Shared test data: a fixed clock, cached keys, a sample message and the conformance files. */
final class DkimFixtures {

  static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final String MESSAGE_TEXT =
      "Received: from mx.example.net by relay.example.org; Thu, 15 Jan 2026 10:00:00 +0000\r\n"
          + "From: Alice Example <alice@example.com>\r\n"
          + "To: Bob <bob@example.org>,\r\n"
          + "  Carol  <carol@example.org>\r\n"
          + "Subject:   Quarterly   report\t \r\n"
          + "Date: Thu, 15 Jan 2026 10:00:00 +0000\r\n"
          + "Message-ID: <20260115100000.1@example.com>\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=UTF-8\r\n"
          + "\r\n"
          + "Hello Bob,  \r\n"
          + "\r\n"
          + "the report is\tattached.   \r\n"
          + " Regards,\r\n"
          + "Alice\r\n"
          + "\r\n"
          + "\r\n";

  static final byte[] MESSAGE = MESSAGE_TEXT.getBytes(StandardCharsets.UTF_8);

  private static KeyPair rsa;
  private static KeyPair ed25519;

  private DkimFixtures() {}

  /** A 2048-bit RSA key pair, generated once per test run. */
  static synchronized KeyPair rsa() {
    if (rsa == null) {
      rsa = DkimKeys.generateRsa(2048);
    }
    return rsa;
  }

  /** An Ed25519 key pair, generated once per test run. */
  static synchronized KeyPair ed25519() {
    if (ed25519 == null) {
      ed25519 = DkimKeys.generateEd25519();
    }
    return ed25519;
  }

  static KeyPair keys(DkimAlgorithm algorithm) {
    return algorithm == DkimAlgorithm.RSA_SHA256 ? rsa() : ed25519();
  }

  /** A zone publishing {@code key} at {@code selector._domainkey.domain}. */
  static InMemoryZone zone(String selector, String domain, PublicKey key) {
    return new InMemoryZone()
        .txt(selector + "._domainkey." + domain, DkimKeys.publicKeyRecord(key));
  }

  /** The 32-byte Ed25519 seed (dkimpy's private key form): the end of the PKCS#8 encoding. */
  static byte[] ed25519Seed(PrivateKey key) {
    byte[] pkcs8 = key.getEncoded();
    return Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** {@code field} (a DKIM-Signature field) prepended to {@code message}. */
  static byte[] prepend(String field, byte[] message) {
    return concat(field.getBytes(StandardCharsets.US_ASCII), message);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A file of the shared DKIM conformance data (from dkimpy's test suite), read in place. */
  static Path conformance(String name) {
    String shared = System.getProperty("hikyaku.shared.dir");
    if (shared == null) {
      throw new IllegalStateException("hikyaku.shared.dir is not set; run the tests with Maven");
    }
    return Path.of(shared, "conformance", "dkim", name);
  }

  static byte[] conformanceBytes(String name) {
    try {
      return Files.readAllBytes(conformance(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String conformanceText(String name) {
    return new String(conformanceBytes(name), StandardCharsets.UTF_8).strip();
  }
}
