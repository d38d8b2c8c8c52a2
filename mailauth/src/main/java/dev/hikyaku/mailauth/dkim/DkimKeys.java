package dev.hikyaku.mailauth.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DKIM key material: generating RSA and Ed25519 key pairs, the public key record to publish (RFC
 * 6376 §3.6.1, RFC 8463 §4) and private keys as PKCS#8 PEM (RFC 7468 §10).
 */
public final class DkimKeys {

  /** The RSA size used when none is given: RFC 8301 §3.2 says signers SHOULD use 2048 bits. */
  public static final int DEFAULT_RSA_BITS = 2048;

  /**
   * The smallest RSA key signed with, and whose signatures are valid when verifying (RFC 8301 §3.2:
   * MUST be at least 1024; a smaller one gives {@code policy}).
   */
  public static final int MIN_RSA_BITS = 1024;

  /**
   * The largest RSA key generated or signed with: RFC 8301 §3.2 requires verifiers to handle keys
   * up to 4096 bits only, so a larger one might not verify everywhere.
   */
  public static final int MAX_SIGNING_RSA_BITS = 4096;

  /**
   * The largest RSA key accepted when verifying. RFC 8301 §3.2 lets verifiers go beyond {@link
   * #MAX_SIGNING_RSA_BITS}, and we are liberal in what we accept; but the cost of a verification
   * grows with the key, so a bound keeps the work one signature can cause small.
   */
  public static final int MAX_VERIFYING_RSA_BITS = 8192;

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final int ED25519_KEY_LENGTH = 32;

  private DkimKeys() {}

  /** A new RSA key pair of {@code bits} bits (1024 to 4096). */
  public static KeyPair generateRsa(int bits) {
    if (bits < MIN_RSA_BITS || bits > MAX_SIGNING_RSA_BITS) {
      throw new IllegalArgumentException(
          "RSA keys must have "
              + MIN_RSA_BITS
              + " to "
              + MAX_SIGNING_RSA_BITS
              + " bits, not "
              + bits);
    }
    KeyPairGenerator generator = generator("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  /** A new Ed25519 key pair (RFC 8463). */
  public static KeyPair generateEd25519() {
    return generator("Ed25519").generateKeyPair();
  }

  /** The Ed25519 private key for a 32-byte seed, the form RFC 8032 §7.1 and dkimpy use. */
  public static PrivateKey ed25519FromSeed(byte[] seed) {
    if (seed.length != ED25519_KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
    }
    byte[] pkcs8 = Der.privateKeyInfo(Der.ED25519_ALGORITHM, Der.octetString(seed));
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK rejected a well-formed Ed25519 key", e);
    }
  }

  /** The type of an RSA or Ed25519 key; anything else is an {@link IllegalArgumentException}. */
  public static DkimKeyType typeOf(Key key) {
    if (key instanceof RSAKey) {
      return DkimKeyType.RSA;
    }
    if (key instanceof EdECKey edec && edec.getParams().getName().equalsIgnoreCase("Ed25519")) {
      return DkimKeyType.ED25519;
    }
    throw new IllegalArgumentException("not an RSA or Ed25519 key: " + key.getAlgorithm());
  }

  /** The size reported as {@code header.bits}-style key size: the RSA modulus, or 256. */
  public static int keyBits(Key key) {
    return switch (typeOf(key)) {
      case RSA -> ((RSAKey) key).getModulus().bitLength();
      case ED25519 -> 256;
    };
  }

  /** The key record to publish: {@code v=DKIM1; k=rsa; p=...} (RFC 6376 §3.6.1). */
  public static String publicKeyRecord(PublicKey key) {
    DkimKeyType type = typeOf(key);
    byte[] p =
        switch (type) {
          case RSA -> key.getEncoded(); // SubjectPublicKeyInfo
          case ED25519 -> rawEd25519(key.getEncoded()); // RFC 8463 §4: the bare 32 bytes
        };
    return "v=DKIM1; k=" + type.rfcName() + "; p=" + Base64.getEncoder().encodeToString(p);
  }

  /** The DNS name of a key record, {@code selector._domainkey.domain}, after checking both. */
  public static String recordName(String selector, String domain) {
    if (!DkimSyntax.isSelector(selector)) {
      throw new IllegalArgumentException("not a valid selector: " + selector);
    }
    if (!DkimSyntax.isDomainName(domain)) {
      throw new IllegalArgumentException("not a valid domain name: " + domain);
    }
    return (selector + "._domainkey." + domain).toLowerCase(Locale.ROOT);
  }

  /**
   * A zone-file line publishing the key: {@code sel._domainkey.example.com. IN TXT "..." "..."},
   * the value cut into character-strings of at most 255 octets (RFC 1035 §3.3.14).
   */
  public static String zoneFileLine(String selector, String domain, PublicKey key) {
    StringBuilder line = new StringBuilder(recordName(selector, domain)).append(". IN TXT");
    for (String part : txtStrings(publicKeyRecord(key))) {
      line.append(" \"").append(part.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return line.toString();
  }

  /** {@code value} cut into pieces of at most 255 characters, as TXT character-strings. */
  public static List<String> txtStrings(String value) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < value.length(); i += 255) {
      parts.add(value.substring(i, Math.min(value.length(), i + 255)));
    }
    return parts;
  }

  /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), LF line endings. */
  public static String toPem(PrivateKey key) {
    typeOf(key);
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  /**
   * Reads an unencrypted RSA or Ed25519 private key from PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}) or
   * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, as older OpenSSL and dkimpy write it).
   *
   * @throws IllegalArgumentException if there is no such key in {@code pem}
   */
  public static PrivateKey readPrivateKey(String pem) {
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException("no PEM private key found");
    }
    String label = m.group(1);
    String body = m.group(2);
    if (label.contains("ENCRYPTED") || body.contains("Proc-Type:")) {
      throw new IllegalArgumentException("encrypted private keys are not supported");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(body.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM body is not base64", e);
    }
    if (label.equals("RSA PRIVATE KEY")) {
      der = Der.privateKeyInfo(Der.RSA_ALGORITHM, der);
    } else if (!label.equals("PRIVATE KEY")) {
      throw new IllegalArgumentException("not a private key: " + label);
    }
    for (String algorithm : List.of("RSA", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next one
      }
    }
    throw new IllegalArgumentException("not an RSA or Ed25519 PKCS#8 private key");
  }

  /**
   * Decodes a key record's {@code p=} for {@code type}: for RSA a SubjectPublicKeyInfo, or a bare
   * RSAPublicKey as some publishers use; for Ed25519 the raw 32 bytes.
   */
  static PublicKey decodePublicKey(DkimKeyType type, byte[] p) throws GeneralSecurityException {
    return switch (type) {
      case RSA -> {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        try {
          yield rsa.generatePublic(new X509EncodedKeySpec(p));
        } catch (GeneralSecurityException e) {
          yield rsa.generatePublic(
              new X509EncodedKeySpec(Der.subjectPublicKeyInfo(Der.RSA_ALGORITHM, p)));
        }
      }
      case ED25519 -> {
        if (p.length != ED25519_KEY_LENGTH) {
          throw new GeneralSecurityException("an Ed25519 key has 32 bytes, not " + p.length);
        }
        yield KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new X509EncodedKeySpec(Der.subjectPublicKeyInfo(Der.ED25519_ALGORITHM, p)));
      }
    };
  }

  private static byte[] rawEd25519(byte[] spki) {
    // RFC 8410 §4: the SubjectPublicKeyInfo ends with the 32-byte key as its BIT STRING.
    return Arrays.copyOfRange(spki, spki.length - ED25519_KEY_LENGTH, spki.length);
  }

  private static KeyPairGenerator generator(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK 15+ has " + algorithm, e);
    }
  }
}
