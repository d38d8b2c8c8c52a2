package dev.hikyaku.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets for storage (AES-256-GCM, random 96-bit nonce). The stored form is {@code
 * v1:<base64(nonce | ciphertext | tag)>}; the purpose string is bound as associated data so a
 * ciphertext copied from one column to another does not decrypt.
 */
public final class SecretBox {

  private static final String VERSION = "v1:";
  private static final int NONCE_BYTES = 12;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** Encrypts {@code plaintext} for the given purpose, e.g. {@code totp:42}. */
  public String seal(String purpose, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return VERSION + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** Decrypts what {@link #seal} produced for the same purpose; fails if it was altered. */
  public byte[] open(String purpose, String sealed) {
    if (sealed == null || !sealed.startsWith(VERSION)) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a sealed secret does not open with this master key (wrong key or altered data)", e);
    }
  }
}
