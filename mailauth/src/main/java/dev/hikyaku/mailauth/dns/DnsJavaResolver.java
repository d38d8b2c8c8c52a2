package dev.hikyaku.mailauth.dns;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A {@link DnsResolver} that asks real DNS servers through dnsjava: the system's resolvers, or any
 * server given as {@code host:port} (a test server on loopback, say). Answers are cached by TTL.
 */
public final class DnsJavaResolver implements DnsResolver {

  private static final int MAX_CNAME_LINKS = 8;

  private final Resolver resolver;
  private final DnsCache cache;

  private DnsJavaResolver(Builder builder) {
    List<InetSocketAddress> servers =
        builder.servers.isEmpty() ? ResolverConfig.getCurrentConfig().servers() : builder.servers;
    List<Resolver> resolvers = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      SimpleResolver simple = new SimpleResolver(server);
      simple.setTimeout(builder.timeout);
      resolvers.add(simple);
    }
    if (resolvers.size() == 1) {
      resolver = resolvers.get(0);
    } else {
      ExtendedResolver extended = new ExtendedResolver(resolvers);
      extended.setTimeout(builder.timeout);
      extended.setRetries(1);
      resolver = extended;
    }
    cache = new DnsCache(builder.cacheSize, builder.maxCacheTtl, builder.clock);
  }

  /** A builder; by default the system's resolvers, a 5 s timeout and 4096 cached answers. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DnsResult<String> txt(String name) {
    return query(
        name,
        RecordType.TXT,
        Type.TXT,
        r -> {
          StringBuilder text = new StringBuilder();
          for (byte[] part : ((TXTRecord) r).getStringsAsByteArrays()) {
            text.append(new String(part, StandardCharsets.UTF_8));
          }
          return text.toString();
        });
  }

  @Override
  public DnsResult<InetAddress> a(String name) {
    return query(name, RecordType.A, Type.A, r -> ((ARecord) r).getAddress());
  }

  @Override
  public DnsResult<InetAddress> aaaa(String name) {
    return query(name, RecordType.AAAA, Type.AAAA, r -> ((AAAARecord) r).getAddress());
  }

  @Override
  public DnsResult<MxRecord> mx(String name) {
    return query(
        name,
        RecordType.MX,
        Type.MX,
        r -> {
          MXRecord mx = (MXRecord) r;
          return new MxRecord(mx.getPriority(), mx.getTarget().toString());
        });
  }

  @Override
  public DnsResult<String> ptr(InetAddress address) {
    return query(
        DnsNames.reverseName(address),
        RecordType.PTR,
        Type.PTR,
        r -> DnsNames.normalize(((PTRRecord) r).getTarget().toString()));
  }

  private <T> DnsResult<T> query(
      String name, RecordType type, int wireType, Function<Record, T> value) {
    String normalized = DnsNames.normalize(name);
    @SuppressWarnings("unchecked")
    DnsResult<T> cached = (DnsResult<T>) cache.get(type, normalized);
    if (cached != null) {
      return cached;
    }
    // A backslash would be read by dnsjava as an escape and ask for another name.
    if (!DnsNames.isQueryable(normalized) || normalized.indexOf('\\') >= 0) {
      return new DnsResult.NoSuchDomain<>(normalized, type);
    }
    Name current;
    try {
      current = Name.fromString(normalized + ".");
    } catch (TextParseException e) {
      return new DnsResult.NoSuchDomain<>(normalized, type);
    }
    // One budget for every CNAME link, whether it arrives in one answer or needs another query.
    int links = 0;
    long ttl = Long.MAX_VALUE;
    boolean aliased = false;
    while (true) {
      Message response;
      try {
        response = resolver.send(Message.newQuery(Record.newRecord(current, wireType, DClass.IN)));
      } catch (IOException e) {
        return isTimeout(e)
            ? new DnsResult.Timeout<>(normalized, type)
            : new DnsResult.ServerFailure<>(normalized, type, String.valueOf(e.getMessage()));
      }
      int rcode = response.getRcode();
      if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
        return new DnsResult.ServerFailure<>(normalized, type, Rcode.string(rcode));
      }
      List<Record> answers = response.getSection(Section.ANSWER);
      List<T> values = new ArrayList<>();
      while (true) {
        for (Record answer : answers) {
          if (answer.getName().equals(current) && answer.getType() == wireType) {
            values.add(value.apply(answer));
            ttl = Math.min(ttl, answer.getTTL());
          }
        }
        if (!values.isEmpty()) {
          return cache.put(
              new DnsResult.Found<>(normalized, type, values), Duration.ofSeconds(ttl));
        }
        CNAMERecord alias = cnameOf(answers, current);
        if (alias == null) {
          break;
        }
        if (++links > MAX_CNAME_LINKS) {
          return new DnsResult.ServerFailure<>(normalized, type, "CNAME chain too long or a loop");
        }
        aliased = true;
        ttl = Math.min(ttl, alias.getTTL());
        current = alias.getTarget();
      }
      if (rcode == Rcode.NXDOMAIN) {
        // RFC 6604 §2.1: after a CNAME the NXDOMAIN is the target's; the queried alias exists.
        return aliased
            ? cache.put(new DnsResult.NoData<>(normalized, type), negativeTtl(response))
            : cache.put(new DnsResult.NoSuchDomain<>(normalized, type), negativeTtl(response));
      }
      if (!aliased || !answersEndAt(answers, current)) {
        return cache.put(new DnsResult.NoData<>(normalized, type), negativeTtl(response));
      }
      // The answer stopped at a CNAME target it holds nothing for: ask for the target.
    }
  }

  private static CNAMERecord cnameOf(List<Record> answers, Name owner) {
    for (Record answer : answers) {
      if (answer instanceof CNAMERecord cname && answer.getName().equals(owner)) {
        return cname;
      }
    }
    return null;
  }

  /**
   * Whether the answer's last CNAME points at {@code current} (so the server did not follow it).
   */
  private static boolean answersEndAt(List<Record> answers, Name current) {
    for (Record answer : answers) {
      if (answer instanceof CNAMERecord cname && cname.getTarget().equals(current)) {
        return true;
      }
    }
    return false;
  }

  /**
   * RFC 2308 §5: a negative answer lives for the smaller of the SOA's TTL and MINIMUM, and one
   * without an SOA is not cached at all (zero).
   */
  private static Duration negativeTtl(Message response) {
    for (Record authority : response.getSection(Section.AUTHORITY)) {
      if (authority instanceof SOARecord soa) {
        return Duration.ofSeconds(Math.min(soa.getTTL(), soa.getMinimum()));
      }
    }
    return Duration.ZERO;
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException
          || t instanceof TimeoutException
          || t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  /** Builds a {@link DnsJavaResolver}. */
  public static final class Builder {
    private final List<InetSocketAddress> servers = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(5);
    private int cacheSize = 4096;
    private Duration maxCacheTtl = Duration.ofHours(1);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds a server as {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 literal;
     * the port defaults to 53. Without any server the system's resolvers are used.
     */
    public Builder server(String hostAndPort) {
      servers.add(DnsServerAddress.parse(hostAndPort));
      return this;
    }

    /** The time to wait for one answer; default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** How many answers to keep; 0 disables the cache. Default 4096. */
    public Builder cacheSize(int cacheSize) {
      if (cacheSize < 0) {
        throw new IllegalArgumentException("cache size must not be negative");
      }
      this.cacheSize = cacheSize;
      return this;
    }

    /** The longest an answer is kept whatever its TTL; default 1 h. */
    public Builder maxCacheTtl(Duration maxCacheTtl) {
      this.maxCacheTtl = Objects.requireNonNull(maxCacheTtl);
      return this;
    }

    /** The clock for cache expiry; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public DnsJavaResolver build() {
      return new DnsJavaResolver(this);
    }
  }
}
