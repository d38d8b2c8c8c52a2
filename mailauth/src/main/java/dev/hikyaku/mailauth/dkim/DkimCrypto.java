package dev.hikyaku.mailauth.dkim;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** The two signature algorithms over the data of RFC 6376 §3.7. */
final class DkimCrypto {

  private DkimCrypto() {}

  /** Signs {@code data}; a key that does not fit the algorithm is a bug of the caller. */
  static byte[] sign(DkimAlgorithm algorithm, PrivateKey key, byte[] data) {
    try {
      Signature signer = instance(algorithm);
      signer.initSign(key);
      signer.update(input(algorithm, data));
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code signature} is valid for {@code data}; any crypto error means it is not. */
  static boolean verify(DkimAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = instance(algorithm);
      verifier.initVerify(key);
      verifier.update(input(algorithm, data));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // A signature of the wrong length or a key the provider refuses, but also a provider that
      // breaks its contract with a ProviderException or another unchecked exception on hostile
      // input: the signature is not shown valid, and that must be a verdict, not a crash.
      return false;
    }
  }

  private static Signature instance(DkimAlgorithm algorithm) throws GeneralSecurityException {
    return switch (algorithm) {
      case RSA_SHA256 -> Signature.getInstance("SHA256withRSA");
      case ED25519_SHA256 -> Signature.getInstance("Ed25519");
    };
  }

  /** RFC 8463 §3: Ed25519 (PureEdDSA) signs the SHA-256 hash of the data, not the data. */
  private static byte[] input(DkimAlgorithm algorithm, byte[] data) {
    return switch (algorithm) {
      case RSA_SHA256 -> data;
      case ED25519_SHA256 -> BodyCanonicalizer.sha256().digest(data);
    };
  }
}
