package dev.hikyaku.approval.checks;

/** Bounds-checked little-endian reads from a byte array: a short file is malformed, not a crash. */
final class LittleEndian {

  private LittleEndian() {}

  static int u16(byte[] b, long pos) {
    check(b, pos, 2);
    int p = (int) pos;
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  static long u32(byte[] b, long pos) {
    check(b, pos, 4);
    int p = (int) pos;
    return (b[p] & 0xFFL)
        | (b[p + 1] & 0xFFL) << 8
        | (b[p + 2] & 0xFFL) << 16
        | (b[p + 3] & 0xFFL) << 24;
  }

  static long u64(byte[] b, long pos) {
    long low = u32(b, pos);
    long high = u32(b, pos + 4);
    if (high > Integer.MAX_VALUE) {
      throw new MalformedFileException("64-bit value out of range at " + pos);
    }
    return low | high << 32;
  }

  static void check(byte[] b, long pos, long length) {
    if (pos < 0 || length < 0 || pos + length > b.length) {
      throw new MalformedFileException(
          "read of " + length + " bytes at " + pos + " past the end (" + b.length + ")");
    }
  }

  static boolean startsWith(byte[] b, long pos, int... signature) {
    if (pos < 0 || pos + signature.length > b.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((b[(int) pos + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
