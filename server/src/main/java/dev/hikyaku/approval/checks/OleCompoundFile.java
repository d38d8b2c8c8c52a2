package dev.hikyaku.approval.checks;

import static dev.hikyaku.approval.checks.LittleEndian.u16;
import static dev.hikyaku.approval.checks.LittleEndian.u32;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of the storages and streams in an OLE compound file ([MS-CFB]): the container of Office
 * 97–2003 documents, and of password-protected Office 2007+ documents, whose {@code
 * EncryptedPackage} stream holds the encrypted ZIP ([MS-OFFCRYPTO] §2.3.4.4). Throws {@link
 * MalformedFileException} for a damaged file.
 */
final class OleCompoundFile {

  private static final int[] SIGNATURE = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  private static final long MAX_REGULAR_SECTOR = 0xFFFFFFF9L;
  private static final long END_OF_CHAIN = 0xFFFFFFFEL;
  private static final int HEADER_DIFAT_ENTRIES = 109;
  private static final int DIRECTORY_ENTRY = 128;

  private final byte[] file;
  private final int sectorSize;
  private final long[] fat;

  private OleCompoundFile(byte[] file) {
    this.file = file;
    int shift = u16(file, 0x1E);
    if (shift != 9 && shift != 12) {
      throw new MalformedFileException("sector shift " + shift + " is neither 9 nor 12");
    }
    this.sectorSize = 1 << shift;
    this.fat = readFat();
  }

  static boolean isCompoundFile(byte[] bytes) {
    return LittleEndian.startsWith(bytes, 0, SIGNATURE);
  }

  /** The names of every storage and stream in {@code bytes}, in directory order. */
  static Set<String> entryNames(byte[] bytes) {
    return new OleCompoundFile(bytes).names();
  }

  private Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (long sector : chain(u32(file, 0x30))) {
      long start = offset(sector);
      for (int i = 0; i < sectorSize / DIRECTORY_ENTRY; i++) {
        long entry = start + (long) i * DIRECTORY_ENTRY;
        int type = file[(int) entry + 0x42];
        int nameBytes = u16(file, entry + 0x40);
        // Types 1 storage, 2 stream, 5 root; the name is UTF-16LE with its terminating NUL.
        if ((type == 1 || type == 2 || type == 5) && nameBytes >= 2 && nameBytes <= 64) {
          names.add(new String(file, (int) entry, nameBytes - 2, StandardCharsets.UTF_16LE));
        }
      }
    }
    return names;
  }

  /** The FAT, from the 109 sector numbers in the header and the DIFAT chain after them. */
  private long[] readFat() {
    long fatSectors = u32(file, 0x2C);
    if (fatSectors > sectorCount()) {
      throw new MalformedFileException("more FAT sectors than the file has: " + fatSectors);
    }
    List<Long> sectors = new ArrayList<>();
    for (int i = 0; i < HEADER_DIFAT_ENTRIES && sectors.size() < fatSectors; i++) {
      sectors.add(u32(file, 0x4C + 4L * i));
    }
    long difat = u32(file, 0x44);
    int perDifat = sectorSize / 4 - 1;
    for (long hops = 0; sectors.size() < fatSectors && difat <= MAX_REGULAR_SECTOR; hops++) {
      if (hops > sectorCount()) {
        throw new MalformedFileException("DIFAT chain loops");
      }
      long start = offset(difat);
      for (int i = 0; i < perDifat && sectors.size() < fatSectors; i++) {
        sectors.add(u32(file, start + 4L * i));
      }
      difat = u32(file, start + 4L * perDifat);
    }
    int perSector = sectorSize / 4;
    long[] table = new long[sectors.size() * perSector];
    for (int s = 0; s < sectors.size(); s++) {
      long start = offset(sectors.get(s));
      for (int i = 0; i < perSector; i++) {
        table[s * perSector + i] = u32(file, start + 4L * i);
      }
    }
    return table;
  }

  /** The sectors of the chain starting at {@code first}, refusing loops. */
  private List<Long> chain(long first) {
    List<Long> sectors = new ArrayList<>();
    long sector = first;
    while (sector != END_OF_CHAIN) {
      if (sector > MAX_REGULAR_SECTOR || sector >= fat.length || sectors.size() > fat.length) {
        throw new MalformedFileException("broken sector chain at " + sector);
      }
      sectors.add(sector);
      sector = fat[(int) sector];
    }
    return sectors;
  }

  private long offset(long sector) {
    long start = (sector + 1) * sectorSize;
    LittleEndian.check(file, start, sectorSize);
    return start;
  }

  private long sectorCount() {
    return file.length / sectorSize;
  }
}
