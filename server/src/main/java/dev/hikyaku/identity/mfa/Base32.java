package dev.hikyaku.identity.mfa;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 4648 §6 base32, the encoding authenticator apps expect for TOTP secrets. */
public final class Base32 {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {}

  public static String encode(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5 + 7);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    while (out.length() % 8 != 0) {
      out.append('=');
    }
    return out.toString();
  }

  /** Decodes, ignoring case, spaces and padding; rejects any other character. */
  public static byte[] decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '=' || c == ' ') {
        continue;
      }
      int v = ALPHABET.indexOf(c);
      if (v < 0) {
        throw new IllegalArgumentException("not base32: " + c);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
