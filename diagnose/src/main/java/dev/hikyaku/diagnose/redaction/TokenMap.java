package dev.hikyaku.diagnose.redaction;

import dev.hikyaku.diagnose.OrganizationalDomains;
import dev.hikyaku.diagnose.redaction.Redaction.Kind;
import dev.hikyaku.diagnose.redaction.Redaction.Replacement;
import dev.hikyaku.mailauth.dns.IpLiterals;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out tokens, numbered in order of first request, so one original always gets one token.
 * Replacement domains end in {@code .example} (RFC 2606 §3) and replacement IPs come from the
 * documentation ranges (RFC 5737 §3, RFC 3849).
 */
final class TokenMap {

  private final RedactionOptions options;
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private final List<Replacement> replacements = new ArrayList<>();

  TokenMap(RedactionOptions options) {
    this.options = options;
  }

  List<Replacement> replacements() {
    return List.copyOf(replacements);
  }

  String address(String original) {
    int at = original.lastIndexOf('@');
    String domain = original.substring(at + 1);
    String domainToken;
    if (domain.startsWith("[")) {
      domainToken = "[" + ip(literal(domain)) + "]";
    } else if (isKept(domain)) {
      domainToken = domain;
    } else {
      domainToken = host(domain);
    }
    String suffix = "@" + domainToken;
    return token(Kind.ADDRESS, original.toLowerCase(Locale.ROOT), original, "user", suffix)
        + suffix;
  }

  /** The token for a host name: {@code domainN.example} or {@code hostM.domainN.example}. */
  String host(String original) {
    String name = HostScanner.normalize(original);
    String org = organizationalDomain(name);
    String orgToken = token(Kind.DOMAIN, org, org, "domain", ".example") + ".example";
    if (name.equals(org)) {
      return orgToken;
    }
    String suffix = "." + orgToken;
    return token(Kind.DOMAIN, name, name, "host", suffix) + suffix;
  }

  String name(String original) {
    String key = original.replaceAll("[\\s\"]+", " ").strip().toLowerCase(Locale.ROOT);
    return token(Kind.NAME, key, original, "Name ");
  }

  String subject(String original) {
    return fixed(Kind.SUBJECT, original, "[subject redacted]");
  }

  String field(String original) {
    return fixed(Kind.FIELD, original, "[redacted]");
  }

  String messageId(String original) {
    return token(Kind.MESSAGE_ID, original, original, "id");
  }

  String ip(String original) {
    Optional<InetAddress> parsed = IpLiterals.tryParse(original);
    if (parsed.isEmpty()) {
      return token(Kind.IP_ADDRESS, original.toLowerCase(Locale.ROOT), original, "ip");
    }
    // Java reads ::ffff:a.b.c.d as IPv4; the text decides the family so the form stays IPv6.
    boolean v4 = original.indexOf(':') < 0;
    String key = (v4 ? "4" : "6") + parsed.get().getHostAddress();
    String mapped = tokens.get("ip\u0000" + key);
    if (mapped != null) {
      return mapped;
    }
    int n = next(v4 ? "ip4" : "ip6");
    String token;
    if (!v4) {
      token = "2001:db8::" + Integer.toHexString(n);
    } else if (n <= 254 * 3) {
      String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
      token = nets[(n - 1) / 254] + ((n - 1) % 254 + 1);
    } else {
      token = "203.0.113.255";
    }
    tokens.put("ip\u0000" + key, token);
    replacements.add(new Replacement(Kind.IP_ADDRESS, original, token));
    return token;
  }

  /** Whether {@code domain} is a kept domain, or too long to be a name at all. */
  boolean isKept(String domain) {
    return domain.length() <= HostScanner.MAX_HOST && options.keeps(HostScanner.normalize(domain));
  }

  /** One company stays one domain: see {@link OrganizationalDomains}. */
  static String organizationalDomain(String name) {
    return OrganizationalDomains.of(name);
  }

  private static String literal(String bracketed) {
    String inner = bracketed.substring(1, bracketed.length() - 1);
    return inner.regionMatches(true, 0, "IPv6:", 0, 5) ? inner.substring(5) : inner;
  }

  private String token(Kind kind, String key, String original, String prefix) {
    return token(kind, key, original, prefix, "");
  }

  /** The token {@code prefix + n} for {@code key}; the mapping shows it with {@code suffix}. */
  private String token(Kind kind, String key, String original, String prefix, String suffix) {
    String mapKey = prefix + "\u0000" + key;
    String existing = tokens.get(mapKey);
    if (existing != null) {
      return existing;
    }
    String token = prefix + next(prefix);
    tokens.put(mapKey, token);
    replacements.add(new Replacement(kind, original, token + suffix));
    return token;
  }

  private String fixed(Kind kind, String original, String token) {
    if (tokens.putIfAbsent(kind + "\u0000" + original, token) == null) {
      replacements.add(new Replacement(kind, original, token));
    }
    return token;
  }

  private int next(String counter) {
    return counters.merge(counter, 1, Integer::sum);
  }
}
