package dev.hikyaku.delivery.mtasts;

import dev.hikyaku.mailauth.dns.DnsNames;
import dev.hikyaku.mailauth.dns.DnsResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Finds the MTA-STS policy of a recipient domain (RFC 8461 §3): the {@code _mta-sts} TXT record,
 * then the policy over HTTPS, kept in a cache until its {@code max_age} and fetched again only when
 * the record's {@code id} changes. A cached, unexpired policy is kept when the record disappears or
 * a new fetch fails (§3.3, §5.1). Thread-safe.
 */
public final class MtaStsResolver {

  /** RFC 8461 §3.3 suggests waiting at least five minutes before fetching again after a failure. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);

  private static final Pattern DOMAIN =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private record RecentFailure(String id, Instant at, MtaStsResult.TemporaryFailure failure) {}

  private final DnsResolver dns;
  private final PolicyFetcher fetcher;
  private final Clock clock;
  private final Map<String, MtaStsResult.Policy> cache = new ConcurrentHashMap<>();
  private final Map<String, RecentFailure> failures = new ConcurrentHashMap<>();

  /**
   * A resolver that fetches from port 443 with a 60-second limit per fetch.
   *
   * @param dns resolves the TXT record and the {@code mta-sts} host
   * @param tls the TLS context whose trusted CAs check the policy host's certificate, e.g. {@code
   *     SSLContext.getDefault()}
   * @param clock tells when cached policies expire
   * @param connectTimeout how long opening a connection may take, above 0 and at most 60 s
   */
  public MtaStsResolver(DnsResolver dns, SSLContext tls, Clock clock, Duration connectTimeout) {
    this(dns, tls, clock, connectTimeout, 443);
  }

  /** As the public constructor, with another HTTPS port: for tests only. */
  MtaStsResolver(DnsResolver dns, SSLContext tls, Clock clock, Duration connectTimeout, int port) {
    this.dns = Objects.requireNonNull(dns, "dns");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fetcher = new PolicyFetcher(dns, tls, port, connectTimeout, PolicyFetcher.MAX_TIMEOUT);
  }

  /**
   * The policy to apply to mail for {@code domain}: a cached one while its {@code max_age} lasts
   * and the TXT {@code id} is unchanged, else a fresh fetch. Never throws for DNS or network
   * trouble.
   */
  public MtaStsResult resolve(String domain) {
    String name = DnsNames.normalize(Objects.requireNonNull(domain, "domain"));
    if (!DOMAIN.matcher(name).matches() || !DnsNames.isQueryable(name)) {
      return new MtaStsResult.NoPolicy(MxPattern.printable(domain) + " is not a domain name");
    }
    Instant now = clock.instant();
    MtaStsResult.Policy cached = cache.computeIfPresent(name, (k, c) -> expired(c, now) ? null : c);
    return switch (StsRecord.from(name, dns.txt(StsRecord.name(name)))) {
      case StsRecord.Lookup.Found found -> {
        if (cached != null && cached.id().equals(found.id())) {
          yield cached; // §5.1: the id is unchanged, the cached policy still holds
        }
        yield fetch(name, found.id(), now, cached);
      }
      // RFC 8461 §3.3: with no live policy but a cached unexpired one, the sender MUST apply it.
      case StsRecord.Lookup.Absent absent ->
          cached != null ? cached : new MtaStsResult.NoPolicy(absent.reason());
      case StsRecord.Lookup.Failed failed ->
          cached != null
              ? cached
              : new MtaStsResult.TemporaryFailure(MtaStsFailure.DNS_FAILURE, failed.reason());
    };
  }

  /** Forgets every cached policy and failure. */
  public void clear() {
    cache.clear();
    failures.clear();
  }

  private MtaStsResult fetch(String domain, String id, Instant now, MtaStsResult.Policy cached) {
    RecentFailure recent = failures.get(domain);
    if (recent != null
        && recent.id().equals(id)
        && now.isBefore(recent.at().plus(RETRY_AFTER_FAILURE))) {
      return cached != null ? cached : recent.failure();
    }
    return switch (fetcher.fetch(domain)) {
      case PolicyFetcher.Outcome.Fetched fetched -> {
        failures.remove(domain);
        MtaStsResult.Policy policy = new MtaStsResult.Policy(fetched.policy(), id, now);
        cache.put(domain, policy);
        yield policy;
      }
      case PolicyFetcher.Outcome.Failed failed -> {
        MtaStsResult.TemporaryFailure failure =
            new MtaStsResult.TemporaryFailure(failed.failure(), failed.detail());
        failures.put(domain, new RecentFailure(id, now, failure));
        // RFC 8461 §3.3, §5.1: a failed fetch never discards a valid cached policy.
        yield cached != null ? cached : failure;
      }
    };
  }

  private static boolean expired(MtaStsResult.Policy cached, Instant now) {
    return !now.isBefore(cached.expiresAt());
  }
}
