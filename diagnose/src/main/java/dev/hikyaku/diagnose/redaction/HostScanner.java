package dev.hikyaku.diagnose.redaction;

import dev.hikyaku.diagnose.redaction.Redaction.Kind;
import dev.hikyaku.mailauth.dns.IpLiterals;
import java.util.List;
import java.util.Locale;

/**
 * Finds host names and IP address literals in a field value, in one forward pass each. Which host
 * names get masked is decided later, once the private domains are known.
 */
final class HostScanner {

  /** RFC 1035 §2.3.4: a name is at most 255 octets, 253 characters in text. */
  static final int MAX_HOST = 253;

  /** The longest IPv6 text form, with an embedded IPv4 tail (RFC 4291 §2.2). */
  private static final int MAX_IP = 45;

  private HostScanner() {}

  static boolean isHostChar(char c) {
    return (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == '-' || c > 127;
  }

  /** Adds every dotted name in {@code text[from, to)} as a {@link Kind#DOMAIN} candidate. */
  static void hosts(String text, int from, int to, List<Candidate> out) {
    int i = from;
    while (i < to) {
      if (!isHostChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < to && isHostChar(text.charAt(i))) {
        i++;
      }
      int s = start;
      int e = i;
      while (s < e && (text.charAt(s) == '.' || text.charAt(s) == '-')) {
        s++;
      }
      while (e > s && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
        e--;
      }
      if (e - s <= MAX_HOST && text.substring(s, e).indexOf('.') > 0) {
        out.add(new Candidate(s, e, Kind.DOMAIN, text.substring(s, e)));
      }
    }
  }

  /** Adds every IPv4 or IPv6 literal in {@code text[from, to)}, also after {@code IPv6:}. */
  static void ipAddresses(String text, int from, int to, List<Candidate> out) {
    int i = from;
    while (i < to) {
      if (!isIpChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < to && isIpChar(text.charAt(i))) {
        i++;
      }
      int e = i;
      while (e > start && text.charAt(e - 1) == '.') {
        e--;
      }
      int s = start;
      if (e - s > 5 && text.regionMatches(true, s, "IPv6:", 0, 5)) {
        s += 5;
      }
      if (e - s <= MAX_IP && looksLikeIp(text, s, e)) {
        String literal = text.substring(s, e);
        if (IpLiterals.tryParse(literal).isPresent()) {
          out.add(new Candidate(s, e, Kind.IP_ADDRESS, literal));
        }
      }
    }
  }

  /** A cheap filter before parsing: three dots and only digits, or two colons and only hex. */
  private static boolean looksLikeIp(String text, int s, int e) {
    int dots = 0;
    int colons = 0;
    boolean hexOnly = true;
    boolean digitsOnly = true;
    for (int k = s; k < e; k++) {
      char c = text.charAt(k);
      if (c == '.') {
        dots++;
      } else if (c == ':') {
        colons++;
      } else {
        digitsOnly &= c >= '0' && c <= '9';
        hexOnly &= Character.digit(c, 16) >= 0;
      }
    }
    return colons == 0 ? dots == 3 && digitsOnly : colons >= 2 && hexOnly;
  }

  private static boolean isIpChar(char c) {
    return (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == ':';
  }

  /** The lower-case name with a trailing dot removed. */
  static String normalize(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
