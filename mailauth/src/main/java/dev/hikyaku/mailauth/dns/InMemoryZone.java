package dev.hikyaku.mailauth.dns;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process DNS zone for tests and tools: records are added in code, lookups follow CNAMEs like
 * a recursive resolver would, and a name or a single type can be made to time out or fail.
 * Thread-safe; every query is logged so tests can count lookups.
 */
public final class InMemoryZone implements DnsResolver {

  private static final int MAX_CNAME_CHAIN = 8;

  private final Map<String, Map<RecordType, List<Object>>> records = new ConcurrentHashMap<>();
  private final Map<String, String> cnames = new ConcurrentHashMap<>();
  private final Map<String, Set<RecordType>> timeouts = new ConcurrentHashMap<>();
  private final Map<String, Set<RecordType>> failures = new ConcurrentHashMap<>();
  private final Set<String> existing = ConcurrentHashMap.newKeySet();

  /** The most recent queries, bounded so a long-running benchmark or tool does not grow it. */
  private final Deque<String> queries = new ArrayDeque<>();

  private static final int MAX_LOGGED_QUERIES = 10_000;

  /** Adds a TXT record whose strings are concatenated as a resolver would. */
  public InMemoryZone txt(String name, String... strings) {
    return add(name, RecordType.TXT, String.join("", strings));
  }

  /** Adds an A or AAAA record, chosen by the address family. */
  public InMemoryZone address(String name, String address) {
    InetAddress parsed = IpLiterals.parse(address);
    return add(name, parsed instanceof Inet6Address ? RecordType.AAAA : RecordType.A, parsed);
  }

  /** Adds an MX record. */
  public InMemoryZone mx(String name, int preference, String exchange) {
    return add(name, RecordType.MX, new MxRecord(preference, exchange));
  }

  /**
   * Adds a PTR record pointing at {@code host}, owned by {@code addressOrName}: an IP literal (its
   * reverse name is used) or a reverse name such as {@code 4.2.0.192.in-addr.arpa}.
   */
  public InMemoryZone ptr(String addressOrName, String host) {
    String owner =
        IpLiterals.tryParse(addressOrName).map(DnsNames::reverseName).orElse(addressOrName);
    return add(owner, RecordType.PTR, DnsNames.normalize(host));
  }

  /** Makes {@code name} an alias of {@code target}. */
  public InMemoryZone cname(String name, String target) {
    String n = DnsNames.normalize(name);
    existing.add(n);
    cnames.put(n, DnsNames.normalize(target));
    return this;
  }

  /** Makes the name exist without records (queries give no data instead of NXDOMAIN). */
  public InMemoryZone exists(String name) {
    existing.add(DnsNames.normalize(name));
    return this;
  }

  /** Makes queries of the given types (all types if none given) for {@code name} time out. */
  public InMemoryZone timeout(String name, RecordType... types) {
    mark(timeouts, name, types);
    return this;
  }

  /** Makes queries of the given types (all types if none given) for {@code name} fail. */
  public InMemoryZone serverFailure(String name, RecordType... types) {
    mark(failures, name, types);
    return this;
  }

  /** The queries so far (the last 10 000), as {@code TYPE name}, in order. */
  public List<String> queries() {
    synchronized (queries) {
      return List.copyOf(queries);
    }
  }

  @Override
  public DnsResult<String> txt(String name) {
    return lookup(name, RecordType.TXT, String.class);
  }

  @Override
  public DnsResult<InetAddress> a(String name) {
    return lookup(name, RecordType.A, InetAddress.class);
  }

  @Override
  public DnsResult<InetAddress> aaaa(String name) {
    return lookup(name, RecordType.AAAA, InetAddress.class);
  }

  @Override
  public DnsResult<MxRecord> mx(String name) {
    return lookup(name, RecordType.MX, MxRecord.class);
  }

  @Override
  public DnsResult<String> ptr(InetAddress address) {
    return lookup(DnsNames.reverseName(address), RecordType.PTR, String.class);
  }

  private InMemoryZone add(String name, RecordType type, Object value) {
    String n = DnsNames.normalize(name);
    existing.add(n);
    records
        .computeIfAbsent(n, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(type, k -> new CopyOnWriteArrayList<>())
        .add(value);
    return this;
  }

  private static void mark(Map<String, Set<RecordType>> marks, String name, RecordType... types) {
    Set<RecordType> set =
        types.length == 0 ? EnumSet.allOf(RecordType.class) : EnumSet.of(types[0], types);
    marks.merge(
        DnsNames.normalize(name),
        set,
        (a, b) -> {
          EnumSet<RecordType> merged = EnumSet.copyOf(a);
          merged.addAll(b);
          return merged;
        });
  }

  private <T> DnsResult<T> lookup(String name, RecordType type, Class<T> valueType) {
    String original = DnsNames.normalize(name);
    synchronized (queries) {
      if (queries.size() == MAX_LOGGED_QUERIES) {
        queries.removeFirst();
      }
      queries.addLast(type + " " + original);
    }
    String current = original;
    for (int hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
      if (timeouts.getOrDefault(current, Set.of()).contains(type)) {
        return new DnsResult.Timeout<>(original, type);
      }
      if (failures.getOrDefault(current, Set.of()).contains(type)) {
        return new DnsResult.ServerFailure<>(original, type, "SERVFAIL");
      }
      List<Object> found = records.getOrDefault(current, Map.of()).get(type);
      if (found != null && !found.isEmpty()) {
        List<T> values = new ArrayList<>(found.size());
        for (Object value : found) {
          values.add(valueType.cast(value));
        }
        return new DnsResult.Found<>(original, type, values);
      }
      String target = cnames.get(current);
      if (target == null) {
        return existing.contains(current)
            ? new DnsResult.NoData<>(original, type)
            : new DnsResult.NoSuchDomain<>(original, type);
      }
      current = target;
    }
    return new DnsResult.ServerFailure<>(original, type, "CNAME chain too long or a loop");
  }
}
