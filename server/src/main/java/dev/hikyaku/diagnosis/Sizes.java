package dev.hikyaku.diagnosis;

import org.springframework.util.unit.DataSize;

/** Sizes for people: {@code 50 MB} rather than {@code 52428800B}. */
final class Sizes {

  private Sizes() {}

  static String text(DataSize size) {
    long bytes = size.toBytes();
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return size.toGigabytes() + " GB";
    }
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return size.toMegabytes() + " MB";
    }
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
      return size.toKilobytes() + " KB";
    }
    return bytes + " bytes";
  }
}
