package dev.hikyaku.diagnose.logs;

import java.util.HashMap;
import java.util.Map;

/**
 * Counters per key, each a fixed row of {@code long} slots, for at most {@code maxKeys} keys:
 * updates for further keys go to one overflow row, so memory stays bounded whatever the log holds.
 */
final class Counters<K> {

  private final int slots;
  private final int maxKeys;
  private final Map<K, long[]> rows = new HashMap<>();
  private final long[] overflow;

  Counters(int slots, int maxKeys) {
    this.slots = slots;
    this.maxKeys = maxKeys;
    this.overflow = new long[slots];
  }

  void add(K key, int slot, long amount) {
    row(key)[slot] += amount;
  }

  void max(K key, int slot, long value) {
    long[] row = row(key);
    row[slot] = Math.max(row[slot], value);
  }

  /** A copy of the rows by key. */
  Map<K, long[]> rows() {
    Map<K, long[]> copy = new HashMap<>(rows.size() * 2);
    rows.forEach((key, row) -> copy.put(key, row.clone()));
    return copy;
  }

  /** A copy of the overflow row. */
  long[] overflow() {
    return overflow.clone();
  }

  private long[] row(K key) {
    long[] row = rows.get(key);
    if (row == null) {
      if (rows.size() >= maxKeys) {
        return overflow;
      }
      row = new long[slots];
      rows.put(key, row);
    }
    return row;
  }
}
