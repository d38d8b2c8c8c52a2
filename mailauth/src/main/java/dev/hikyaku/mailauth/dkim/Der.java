package dev.hikyaku.mailauth.dkim;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** The few DER encodings needed to convert between key formats (X.690 §8). */
final class Der {

  /** AlgorithmIdentifier for rsaEncryption (RFC 8017 Appendix C) with NULL parameters. */
  static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

  /** AlgorithmIdentifier for Ed25519 (RFC 8410 §3), without parameters. */
  static final byte[] ED25519_ALGORITHM = HexFormat.of().parseHex("300506032b6570");

  private Der() {}

  /** SubjectPublicKeyInfo (RFC 5280 §4.1) around a raw public key. */
  static byte[] subjectPublicKeyInfo(byte[] algorithm, byte[] key) {
    byte[] bits = new byte[key.length + 1]; // BIT STRING: no unused bits
    System.arraycopy(key, 0, bits, 1, key.length);
    return tlv(0x30, concat(algorithm, tlv(0x03, bits)));
  }

  /** PrivateKeyInfo v1 (RFC 5208 §5) around a raw private key. */
  static byte[] privateKeyInfo(byte[] algorithm, byte[] key) {
    return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key)));
  }

  /** An OCTET STRING, as Ed25519 wraps its 32-byte seed (RFC 8410 §7). */
  static byte[] octetString(byte[] content) {
    return tlv(0x04, content);
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
