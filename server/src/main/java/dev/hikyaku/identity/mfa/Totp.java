package dev.hikyaku.identity.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226). Immutable; the defaults match what
 * authenticator apps use: HMAC-SHA1, 6 digits, 30-second steps, counted from the Unix epoch.
 */
public final class Totp {

  /** The MAC behind the code (RFC 6238 §1.2 allows SHA-1, SHA-256 and SHA-512). */
  public enum Algorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    final String jca;

    Algorithm(String jca) {
      this.jca = jca;
    }
  }

  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private final Algorithm algorithm;
  private final int digits;
  private final long stepSeconds;

  public Totp(Algorithm algorithm, int digits, long stepSeconds) {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("digits must be 6 to 8");
    }
    if (stepSeconds <= 0) {
      throw new IllegalArgumentException("step must be positive");
    }
    this.algorithm = algorithm;
    this.digits = digits;
    this.stepSeconds = stepSeconds;
  }

  /** SHA-1, 6 digits, 30 seconds. */
  public static Totp standard() {
    return new Totp(Algorithm.SHA1, 6, 30);
  }

  /** The time step T of RFC 6238 §4.2 for {@code time}. */
  public long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), stepSeconds);
  }

  /** The code for {@code time}, zero-padded to the configured number of digits. */
  public String code(byte[] secret, Instant time) {
    return codeAtStep(secret, step(time));
  }

  /** HOTP (RFC 4226 §5.3) with the counter set to {@code step}. */
  public String codeAtStep(byte[] secret, long step) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance(algorithm.jca);
      mac.init(new SecretKeySpec(secret, algorithm.jca));
      hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.jca + " is unavailable", e);
    }
    // RFC 4226 §5.4: dynamic truncation.
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    String code = Integer.toString(binary % POWERS[digits]);
    return "0".repeat(digits - code.length()) + code;
  }

  /**
   * The step at which {@code code} is valid, looking {@code window} steps either side of {@code
   * time} (RFC 6238 §5.2 recommends at most one step of drift), and only at steps after {@code
   * lastUsedStep} so a code cannot be replayed.
   */
  public OptionalLong verify(
      byte[] secret, String code, Instant time, int window, long lastUsedStep) {
    if (code == null || code.length() != digits || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    long now = step(time);
    for (long s = now - window; s <= now + window; s++) {
      if (s > lastUsedStep
          && java.security.MessageDigest.isEqual(
              codeAtStep(secret, s).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              code.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }
}
