package dev.hikyaku.audience.importing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The addresses seen so far in one file, each with the line where it first appeared: the only part
 * of an import whose memory grows with the file.
 *
 * <p>Exact, so no row is ever called a duplicate of an address it is not: keys are stored as bytes
 * in 1 MiB pages, and an open-addressing table (linear probing, at most half full) holds a
 * reference, a hash and a line per slot. For 1 000 000 distinct addresses of 29 characters that is
 * 2<sup>21</sup> slots × 20 bytes plus 30 pages, 72 MB by {@link #approximateBytes}; measured after
 * a full GC, the set retained 70 MB where a {@code HashMap<String, Long>} of the same keys retained
 * 134 MB (JDK 25, serial GC, compressed oops). The hash is seeded per set so that a crafted file
 * cannot make every key collide.
 */
final class AddressSet {

  private static final int PAGE = 1 << 20;
  private static final int MAX_KEY_BYTES = 255;

  private final int seed = ThreadLocalRandom.current().nextInt();
  private byte[][] pages = new byte[4][];
  private int pageCount;
  private int pageUsed = PAGE;
  // Per slot: 1 + (page × PAGE + offset) of the key, 0 when empty; its hash; its first line.
  private long[] refs = new long[1 << 10];
  private int[] hashes = new int[1 << 10];
  private long[] lines = new long[1 << 10];
  private int size;

  /**
   * Adds {@code key}, first seen on {@code line}, if it is new. Returns 0 if it was new, else the
   * line where it was first added.
   */
  long addIfAbsent(String key, long line) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException("an address key has at most 255 bytes");
    }
    int hash = hash(bytes);
    int mask = refs.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (refs[slot] == 0) {
        refs[slot] = store(bytes);
        hashes[slot] = hash;
        lines[slot] = line;
        if (++size * 2 > refs.length) {
          grow();
        }
        return 0;
      }
      if (hashes[slot] == hash && sameKey(refs[slot], bytes)) {
        return lines[slot];
      }
    }
  }

  /** How many distinct keys are held. */
  int size() {
    return size;
  }

  /** The bytes held in the table and the key pages, not counting object headers. */
  long approximateBytes() {
    return (long) refs.length * (8 + 4 + 8) + (long) pageCount * PAGE;
  }

  private long store(byte[] bytes) {
    if (PAGE - pageUsed < bytes.length + 1) {
      if (pageCount == pages.length) {
        byte[][] more = new byte[pages.length * 2][];
        System.arraycopy(pages, 0, more, 0, pageCount);
        pages = more;
      }
      pages[pageCount++] = new byte[PAGE];
      pageUsed = 0;
    }
    byte[] page = pages[pageCount - 1];
    long ref = 1 + (long) (pageCount - 1) * PAGE + pageUsed;
    page[pageUsed] = (byte) bytes.length;
    System.arraycopy(bytes, 0, page, pageUsed + 1, bytes.length);
    pageUsed += bytes.length + 1;
    return ref;
  }

  private boolean sameKey(long ref, byte[] bytes) {
    byte[] page = pages[(int) ((ref - 1) / PAGE)];
    int offset = (int) ((ref - 1) % PAGE);
    if ((page[offset] & 0xFF) != bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (page[offset + 1 + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    long[] oldRefs = refs;
    int[] oldHashes = hashes;
    long[] oldLines = lines;
    refs = new long[oldRefs.length * 2];
    hashes = new int[refs.length];
    lines = new long[refs.length];
    int mask = refs.length - 1;
    for (int i = 0; i < oldRefs.length; i++) {
      if (oldRefs[i] != 0) {
        int slot = oldHashes[i] & mask;
        while (refs[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        refs[slot] = oldRefs[i];
        hashes[slot] = oldHashes[i];
        lines[slot] = oldLines[i];
      }
    }
  }

  /** FNV-1a from a random seed, then the MurmurHash3 finaliser to spread the bits. */
  private int hash(byte[] bytes) {
    int h = seed ^ 0x811C9DC5;
    for (byte b : bytes) {
      h = (h ^ b) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
