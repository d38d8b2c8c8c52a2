package dev.hikyaku.domains;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.platform.SecretBox;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Makes DKIM key pairs and keeps their private halves sealed with the master key (AES-256-GCM,
 * bound to the domain and selector so a sealed key copied to another row does not open).
 */
@Component
class DkimKeyVault {

  /** A fresh key pair: the public record to publish and the sealed private key to store. */
  record NewKey(DkimKey.Algorithm algorithm, int bits, String publicKeyRecord, String sealed) {}

  private final SecretBox box;

  DkimKeyVault(SecretBox box) {
    this.box = box;
  }

  NewKey generate(String domain, String selector, DkimKey.Algorithm algorithm) {
    KeyPair pair =
        switch (algorithm) {
          case RSA_SHA256 -> DkimKeys.generateRsa(DkimKeys.DEFAULT_RSA_BITS);
          case ED25519_SHA256 -> DkimKeys.generateEd25519();
        };
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    try {
      return new NewKey(
          algorithm,
          DkimKeys.keyBits(pair.getPublic()),
          DkimKeys.publicKeyRecord(pair.getPublic()),
          box.seal(purpose(domain, selector), pkcs8));
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  PrivateKey open(String domain, String selector, DkimKey.Algorithm algorithm, String sealed) {
    byte[] pkcs8 = box.open(purpose(domain, selector), sealed);
    try {
      String jca =
          switch (algorithm) {
            case RSA_SHA256 -> "RSA";
            case ED25519_SHA256 -> "Ed25519";
          };
      return KeyFactory.getInstance(jca).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the DKIM key " + selector + " of " + domain + " is not a valid " + algorithm + " key",
          e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  private static String purpose(String domain, String selector) {
    return "dkim:" + domain + ":" + selector;
  }
}
