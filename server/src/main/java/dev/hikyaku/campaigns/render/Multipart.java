package dev.hikyaku.campaigns.render;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Joins parts into a multipart entity (RFC 2046 §5.1) under a boundary derived from the message's
 * seed, so equal input gives equal bytes, and checked against the parts' content: should a part
 * contain it, the next candidate is taken.
 */
final class Multipart {

  private static final int MAX_ATTEMPTS = 1000;

  private Multipart() {}

  static MimePart of(String subtype, long seed, int level, List<MimePart> parts) {
    String boundary = boundary(seed, level, parts);
    List<MimePart.Piece> body = new ArrayList<>(parts.size() * 4 + 1);
    for (MimePart part : parts) {
      body.add(MimePart.Piece.ascii("--" + boundary + "\r\n" + part.headers() + "\r\n"));
      body.addAll(part.body());
      // The CRLF before a delimiter belongs to the delimiter (§5.1.1); the part keeps its own.
      body.add(MimePart.Piece.ascii("\r\n"));
    }
    body.add(MimePart.Piece.ascii("--" + boundary + "--\r\n"));
    String headers =
        "Content-Type: multipart/" + subtype + ";\r\n boundary=\"" + boundary + "\"\r\n";
    return new MimePart(headers, body);
  }

  /**
   * The first candidate boundary that no part contains. Candidates have a fixed length, so one is
   * never a prefix of another (nested multiparts get different ones through {@code level}).
   */
  static String boundary(long seed, int level, List<MimePart> parts) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String candidate = candidate(seed, level, attempt);
      if (parts.stream().noneMatch(part -> part.contains(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no free MIME boundary after " + MAX_ATTEMPTS + " attempts");
  }

  /** "=_hk" and 16 hex digits: '=' followed by '_' never occurs in base64 or quoted-printable. */
  static String candidate(long seed, int level, int attempt) {
    long mixed = mix(mix(seed) ^ (level * 0x9E3779B97F4A7C15L) ^ attempt);
    return "=_hk" + HexFormat.of().toHexDigits(mixed);
  }

  /** SplitMix64's finaliser: a fixed, well-spread permutation of the 64-bit values. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
