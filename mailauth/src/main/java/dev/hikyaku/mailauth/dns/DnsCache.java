package dev.hikyaku.mailauth.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small LRU cache of DNS answers that honours TTLs; temporary failures are never cached. */
final class DnsCache {

  private record Cached(DnsResult<?> result, Instant expires) {}

  /**
   * Larger answers (long TXT records, say) are not kept, so that names an attacker controls cannot
   * fill the heap: at most capacity × 8 KiB of text.
   */
  static final int MAX_ENTRY_CHARS = 8192;

  private final int capacity;
  private final Duration maxTtl;
  private final Clock clock;
  private final LinkedHashMap<String, Cached> entries;

  DnsCache(int capacity, Duration maxTtl, Clock clock) {
    this.capacity = capacity;
    this.maxTtl = maxTtl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > DnsCache.this.capacity;
          }
        };
  }

  synchronized DnsResult<?> get(RecordType type, String name) {
    if (capacity == 0) {
      return null;
    }
    String key = type + " " + name;
    Cached entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(key);
      return null;
    }
    return entry.result();
  }

  synchronized <T> DnsResult<T> put(DnsResult<T> result, Duration ttl) {
    if (capacity > 0
        && !result.isTemporaryFailure()
        && !ttl.isNegative()
        && !ttl.isZero()
        && size(result) <= MAX_ENTRY_CHARS) {
      Duration kept = ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
      entries.put(
          result.type() + " " + result.name(), new Cached(result, clock.instant().plus(kept)));
    }
    return result;
  }

  private static int size(DnsResult<?> result) {
    int total = 0;
    for (Object record : result.records()) {
      total += String.valueOf(record).length();
    }
    return total;
  }
}
