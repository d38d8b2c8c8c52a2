package dev.hikyaku.approval.checks;

import static dev.hikyaku.approval.checks.LittleEndian.u16;
import static dev.hikyaku.approval.checks.LittleEndian.u32;
import static dev.hikyaku.approval.checks.LittleEndian.u64;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a ZIP file (PKWARE APPNOTE 6.3.10) from its central directory, by hand, because {@code
 * java.util.zip} cannot say whether an entry is encrypted, does not know AES entries, and trusts
 * the sizes an entry declares. Throws {@link MalformedFileException} for a damaged file.
 */
final class ZipReader {

  static final int STORED = 0;
  static final int DEFLATED = 8;

  /** The compression method WinZip's AE-1/AE-2 encryption puts in place of the real one. */
  static final int AES = 99;

  private static final int[] END = {0x50, 0x4B, 0x05, 0x06};
  private static final long CENTRAL = 0x02014B50L;
  private static final long LOCAL = 0x04034B50L;
  private static final long ZIP64_LOCATOR = 0x07064B50L;
  private static final long ZIP64_END = 0x06064B50L;
  private static final int UTF8_NAMES = 1 << 11;
  private static final int CHUNK = 64 * 1024;

  private ZipReader() {}

  /** One entry as the central directory describes it. */
  record Entry(String name, int flags, int method, long compressedSize, long localHeader) {

    /** APPNOTE §4.4.4: bit 0 of the general purpose flags is "encrypted"; AES sets it too. */
    boolean encrypted() {
      return (flags & 1) != 0 || method == AES;
    }

    boolean directory() {
      return name.endsWith("/") || name.endsWith("\\");
    }
  }

  /** The entries of an archive, or the news that it has more than allowed. */
  sealed interface Listing {
    record Entries(List<Entry> entries) implements Listing {}

    record TooManyEntries(int limit) implements Listing {}
  }

  /** What reading one entry gave. */
  sealed interface Content {
    /** The inflated bytes (empty when not kept). */
    record Bytes(byte[] data) implements Content {}

    /** The local header says encrypted though the central directory did not. */
    record Encrypted() implements Content {}

    record OverBudget() implements Content {}

    record UnsupportedMethod(int method) implements Content {}
  }

  /** Whether {@code bytes} start like a ZIP file (an entry, or the end record of an empty one). */
  static boolean isZip(byte[] bytes) {
    return LittleEndian.startsWith(bytes, 0, 0x50, 0x4B, 0x03, 0x04)
        || LittleEndian.startsWith(bytes, 0, END);
  }

  /** The entries of {@code zip}, at most {@code maxEntries} of them. */
  static Listing list(byte[] zip, int maxEntries) {
    int end = findEnd(zip);
    long size = u32(zip, end + 12);
    long offset = u32(zip, end + 16);
    long directoryEnd = end;
    if (u16(zip, end + 10) == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
      long locator = end - 20L;
      if (locator >= 0 && u32(zip, locator) == ZIP64_LOCATOR) {
        long end64 = u64(zip, locator + 8);
        if (u32(zip, end64) != ZIP64_END) {
          throw new MalformedFileException("no ZIP64 end record at " + end64);
        }
        size = u64(zip, end64 + 40);
        offset = u64(zip, end64 + 48);
        directoryEnd = end64;
      }
    }
    // Data before the archive (a self-extractor's stub) shifts every offset by the same amount.
    long shift = directoryEnd - size - offset;
    if (shift < 0) {
      throw new MalformedFileException("central directory does not fit the file");
    }
    List<Entry> entries = new ArrayList<>();
    long pos = offset + shift;
    while (pos + 4 <= directoryEnd && u32(zip, pos) == CENTRAL) {
      if (entries.size() == maxEntries) {
        return new Listing.TooManyEntries(maxEntries);
      }
      int nameLength = u16(zip, pos + 28);
      int extraLength = u16(zip, pos + 30);
      int commentLength = u16(zip, pos + 32);
      entries.add(entry(zip, pos, nameLength, extraLength, shift));
      pos += 46L + nameLength + extraLength + commentLength;
    }
    return new Listing.Entries(List.copyOf(entries));
  }

  /**
   * Inflates {@code entry}, charging every byte to {@code budget}; the bytes are kept only if
   * {@code keep}. Reads the deflate stream to its own end, whatever size the entry declares.
   */
  static Content read(byte[] zip, Entry entry, InflateBudget budget, boolean keep) {
    long local = entry.localHeader();
    if (u32(zip, local) != LOCAL) {
      throw new MalformedFileException("no local header for " + entry.name());
    }
    if ((u16(zip, local + 6) & 1) != 0) {
      return new Content.Encrypted();
    }
    long start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    LittleEndian.check(zip, start, 0);
    return switch (entry.method()) {
      case STORED -> stored(zip, entry, start, budget, keep);
      case DEFLATED -> inflate(zip, start, budget, keep);
      default -> new Content.UnsupportedMethod(entry.method());
    };
  }

  private static Content stored(
      byte[] zip, Entry entry, long start, InflateBudget budget, boolean keep) {
    LittleEndian.check(zip, start, entry.compressedSize());
    if (!budget.charge(entry.compressedSize())) {
      return new Content.OverBudget();
    }
    int from = (int) start;
    return new Content.Bytes(
        keep ? Arrays.copyOfRange(zip, from, from + (int) entry.compressedSize()) : new byte[0]);
  }

  private static Content inflate(byte[] zip, long start, InflateBudget budget, boolean keep) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(zip, (int) start, zip.length - (int) start);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[CHUNK];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && !inflater.finished()) {
          // Needs input past the end of the file, or a preset dictionary ZIP never uses.
          throw new MalformedFileException("deflate stream ends early");
        }
        if (!budget.charge(n)) {
          return new Content.OverBudget();
        }
        if (keep) {
          out.write(buffer, 0, n);
        }
      }
      return new Content.Bytes(out.toByteArray());
    } catch (DataFormatException e) {
      throw new MalformedFileException("bad deflate data", e);
    } finally {
      inflater.end();
    }
  }

  private static int findEnd(byte[] zip) {
    int last = zip.length - 22;
    for (int p = last; p >= 0 && p >= last - 0xFFFF; p--) {
      if (LittleEndian.startsWith(zip, p, END)) {
        return p;
      }
    }
    throw new MalformedFileException("no end of central directory record");
  }

  private static Entry entry(byte[] zip, long pos, int nameLength, int extraLength, long shift) {
    int flags = u16(zip, pos + 8);
    int method = u16(zip, pos + 10);
    long compressed = u32(zip, pos + 20);
    long uncompressed = u32(zip, pos + 24);
    long local = u32(zip, pos + 42);
    long nameAt = pos + 46;
    LittleEndian.check(zip, nameAt, nameLength + (long) extraLength);
    String name = name(Arrays.copyOfRange(zip, (int) nameAt, (int) nameAt + nameLength), flags);
    long extra = nameAt + nameLength;
    long extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      int id = u16(zip, extra);
      int length = u16(zip, extra + 2);
      long data = extra + 4;
      if (data + length > extraEnd) {
        break;
      }
      if (id == 0x0001) {
        // APPNOTE §4.5.3: only the fields whose 32-bit value is 0xFFFFFFFF, in this order.
        long field = data;
        if (uncompressed == 0xFFFFFFFFL && field + 8 <= data + length) {
          field += 8;
        }
        if (compressed == 0xFFFFFFFFL && field + 8 <= data + length) {
          compressed = u64(zip, field);
          field += 8;
        }
        if (local == 0xFFFFFFFFL && field + 8 <= data + length) {
          local = u64(zip, field);
        }
      } else if (id == 0x7075 && length > 5) {
        // Info-ZIP Unicode Path: version, CRC-32 of the header name, then the UTF-8 name.
        name = new String(zip, (int) data + 5, length - 5, StandardCharsets.UTF_8);
      }
      extra = data + length;
    }
    return new Entry(name, flags, method, compressed, local + shift);
  }

  /**
   * Names are UTF-8 when flag bit 11 says so; without it, Windows Explorer and most Japanese tools
   * write the local code page, Shift_JIS, while macOS and Info-ZIP write UTF-8 without the flag.
   */
  private static String name(byte[] bytes, int flags) {
    if ((flags & UTF8_NAMES) != 0) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, TextDecoder.WINDOWS_31J);
    }
  }
}
