package dev.hikyaku.mailauth.dkim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Canonicalizes a body as it streams past and hashes it with SHA-256, holding only a small buffer
 * (RFC 6376 §3.4.3 simple, §3.4.4 relaxed). Trailing empty lines are counted, not buffered, and
 * written out only when more content follows, so the rules hold across any chunk boundaries. A bare
 * LF is read as CRLF; a CR not followed by LF is ordinary content.
 */
final class BodyCanonicalizer {

  /** No {@code l=} limit. */
  static final long NO_LIMIT = Long.MAX_VALUE;

  /** The SHA-256 of the (possibly {@code l=}-truncated) canonical body, and its full length. */
  record BodyHash(byte[] digest, long canonicalLength) {}

  private final boolean relaxed;
  private final long limit;
  private final MessageDigest digest;
  private final byte[] out = new byte[8192];
  private int outLength;
  private long written;
  private long pendingLineEnds;
  private boolean pendingSpace;
  private boolean pendingCr;
  private boolean nonEmpty;

  /** Hashes the canonical body, or only its first {@code limit} octets (the {@code l=} tag). */
  BodyCanonicalizer(Canonicalization canonicalization, long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("negative body length limit");
    }
    this.relaxed = canonicalization == Canonicalization.RELAXED;
    this.limit = limit;
    this.digest = sha256();
  }

  /** Feeds the next chunk of the body. */
  void update(byte[] bytes, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      if (pendingCr) {
        pendingCr = false;
        if (b == '\n') {
          lineEnd();
          continue;
        }
        content((byte) '\r');
      }
      if (b == '\r') {
        pendingCr = true;
      } else if (b == '\n') {
        lineEnd();
      } else if (relaxed && (b == ' ' || b == '\t')) {
        pendingSpace = true; // RFC 6376 §3.4.4: WSP runs become one SP, none at line end
      } else {
        content(b);
      }
    }
  }

  /** Ends the body and returns its hash; the canonicalizer must not be used afterwards. */
  BodyHash finish() {
    if (pendingCr) {
      pendingCr = false;
      content((byte) '\r');
    }
    // RFC 6376 §3.4.3: trailing empty lines are ignored and an empty body is one CRLF.
    // RFC 6376 §3.4.4: trailing empty lines are ignored, an empty body stays empty, and a
    // non-empty body that does not end in CRLF gets one.
    if (!relaxed || nonEmpty) {
      emit((byte) '\r');
      emit((byte) '\n');
    }
    flush();
    return new BodyHash(digest.digest(), written);
  }

  private void lineEnd() {
    pendingSpace = false;
    pendingLineEnds++;
  }

  private void content(byte b) {
    for (; pendingLineEnds > 0; pendingLineEnds--) {
      emit((byte) '\r');
      emit((byte) '\n');
    }
    if (pendingSpace) {
      pendingSpace = false;
      emit((byte) ' ');
    }
    emit(b);
    nonEmpty = true;
  }

  private void emit(byte b) {
    if (outLength == out.length) {
      flush();
    }
    out[outLength++] = b;
  }

  private void flush() {
    long before = written;
    written += outLength;
    if (before < limit) {
      digest.update(out, 0, (int) Math.min(outLength, limit - before));
    }
    outLength = 0;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
