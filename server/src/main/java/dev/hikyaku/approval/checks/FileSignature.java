package dev.hikyaku.approval.checks;

import static dev.hikyaku.approval.checks.LittleEndian.startsWith;

import java.util.Locale;
import java.util.Map;

/** What a file is by its first bytes (and, for formats without a signature, its extension). */
enum FileSignature {
  ZIP("ZIP"),
  OLE("OLE"),
  WINDOWS_PROGRAM("PE"),
  LINUX_PROGRAM("ELF"),
  SEVEN_ZIP("7z"),
  RAR("RAR"),
  GZIP("gzip"),
  BZIP2("bzip2"),
  XZ("xz"),
  CAB("CAB"),
  LZH("LZH"),
  TAR("tar"),
  OTHER("");

  /** Archive extensions whose files this check cannot open, with their format's name. */
  private static final Map<String, FileSignature> ARCHIVE_EXTENSIONS =
      Map.ofEntries(
          Map.entry("7z", SEVEN_ZIP),
          Map.entry("rar", RAR),
          Map.entry("gz", GZIP),
          Map.entry("tgz", GZIP),
          Map.entry("bz2", BZIP2),
          Map.entry("tbz", BZIP2),
          Map.entry("xz", XZ),
          Map.entry("txz", XZ),
          Map.entry("cab", CAB),
          Map.entry("lzh", LZH),
          Map.entry("lha", LZH),
          Map.entry("tar", TAR));

  private final String format;

  FileSignature(String format) {
    this.format = format;
  }

  /** The format's short name for messages: {@code 7z}, {@code RAR}, {@code LZH}. */
  String format() {
    return format;
  }

  /** Whether this is an archive format the checks do not open. */
  boolean uninspectableArchive() {
    return switch (this) {
      case SEVEN_ZIP, RAR, GZIP, BZIP2, XZ, CAB, LZH, TAR -> true;
      default -> false;
    };
  }

  static FileSignature of(byte[] b, String extension) {
    if (ZipReader.isZip(b)) {
      return ZIP;
    }
    if (OleCompoundFile.isCompoundFile(b)) {
      return OLE;
    }
    if (isWindowsProgram(b)) {
      return WINDOWS_PROGRAM;
    }
    if (startsWith(b, 0, 0x7F, 'E', 'L', 'F')) {
      return LINUX_PROGRAM;
    }
    if (startsWith(b, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
      return SEVEN_ZIP;
    }
    if (startsWith(b, 0, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
      return RAR;
    }
    if (startsWith(b, 0, 0x1F, 0x8B)) {
      return GZIP;
    }
    if (startsWith(b, 0, 'B', 'Z', 'h')) {
      return BZIP2;
    }
    if (startsWith(b, 0, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
      return XZ;
    }
    if (startsWith(b, 0, 'M', 'S', 'C', 'F')) {
      return CAB;
    }
    if (startsWith(b, 2, '-', 'l', 'h') && startsWith(b, 6, '-')) {
      return LZH;
    }
    if (startsWith(b, 257, 'u', 's', 't', 'a', 'r')) {
      return TAR;
    }
    return ARCHIVE_EXTENSIONS.getOrDefault(extension.toLowerCase(Locale.ROOT), OTHER);
  }

  /** "MZ", then at the offset in 0x3C the PE signature: a DOS stub alone is not a program. */
  private static boolean isWindowsProgram(byte[] b) {
    if (!startsWith(b, 0, 'M', 'Z') || b.length < 0x40) {
      return false;
    }
    long pe = LittleEndian.u32(b, 0x3C);
    return startsWith(b, pe, 'P', 'E', 0, 0);
  }
}
