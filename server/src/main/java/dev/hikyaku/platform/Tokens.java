package dev.hikyaku.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random bearer secrets and their storage hashes (setup links, API tokens, recovery codes). */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A URL-safe random string carrying {@code bytes} bytes of entropy. */
  public static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** {@code length} random characters from a-z and 0-9 (for public identifiers). */
  public static String randomLowerAlphanumeric(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /**
   * SHA-256 hex of a high-entropy secret. A fast hash is right here: the secrets are random, so
   * there is nothing for a slow hash to protect against that 128 bits of entropy do not already.
   */
  public static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two hashes in constant time. */
  public static boolean sameHash(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
