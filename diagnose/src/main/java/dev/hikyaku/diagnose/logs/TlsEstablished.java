package dev.hikyaku.diagnose.logs;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A TLS handshake completed: {@code Trusted TLS connection established to mx[ip]:25: TLSv1.3 with
 * cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature ECDSA (P-256)
 * server-digest SHA256}.
 *
 * @param outbound whether Postfix was the client (smtp, lmtp: {@code to}) rather than the server
 *     (smtpd: {@code from})
 * @param trust how far the peer's certificate was checked
 * @param peer the other end
 * @param protocol the TLS version, such as {@code TLSv1.3}
 * @param cipher the cipher suite
 * @param cipherBits the bits used and available, as logged ({@code 256/256})
 * @param keyExchange the key exchange group (Postfix 3.4 and later)
 * @param serverSignature the server's signature (Postfix 3.4 and later)
 * @param clientSignature the client's signature, if it sent a certificate
 */
public record TlsEstablished(
    boolean outbound,
    Trust trust,
    Peer peer,
    String protocol,
    String cipher,
    String cipherBits,
    Optional<String> keyExchange,
    Optional<Signature> serverSignature,
    Optional<Signature> clientSignature)
    implements SessionEvent {

  public TlsEstablished {
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(cipherBits, "cipherBits");
    Objects.requireNonNull(keyExchange, "keyExchange");
    Objects.requireNonNull(serverSignature, "serverSignature");
    Objects.requireNonNull(clientSignature, "clientSignature");
  }

  /** How far the peer's certificate was checked, in Postfix's words. */
  public enum Trust {
    /** No certificate was checked. */
    ANONYMOUS,
    /** A certificate, but not from a trusted authority. */
    UNTRUSTED,
    /** From a trusted authority, but the name was not checked or did not match. */
    TRUSTED,
    /** From a trusted authority, with a matching name. */
    VERIFIED;

    /** The word as logged ({@code Trusted}). */
    public String logName() {
      String lower = name().toLowerCase(Locale.ROOT);
      return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static Optional<Trust> fromLog(String word) {
      for (Trust trust : values()) {
        if (trust.logName().equals(word)) {
          return Optional.of(trust);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A signature in the handshake: {@code RSA-PSS (4096 bits)} or {@code ECDSA (P-256)}, and its
   * digest.
   *
   * @param algorithm the signature algorithm
   * @param curve the elliptic curve, for ECDSA
   * @param bits the key size, for RSA
   * @param digest the digest ({@code server-digest}, {@code client-digest})
   */
  public record Signature(
      String algorithm, Optional<String> curve, OptionalInt bits, Optional<String> digest) {
    public Signature {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(curve, "curve");
      Objects.requireNonNull(bits, "bits");
      Objects.requireNonNull(digest, "digest");
    }

    Signature withDigest(String newDigest) {
      return new Signature(algorithm, curve, bits, Optional.of(newDigest));
    }
  }
}
