package dev.hikyaku.mailauth.spf;

import dev.hikyaku.mailauth.dns.IpLiterals;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed SPF record (RFC 7208 §4.6.1, §12): its directives in order and the {@code redirect} and
 * {@code exp} modifiers. Parsing checks the whole record, because a syntax error anywhere makes the
 * result {@code permerror} before anything is evaluated (§4.6).
 */
record SpfRecord(
    List<Directive> directives, Optional<MacroString> redirect, Optional<MacroString> explanation) {

  /** A qualifier and a mechanism, with the term as written for reporting. */
  record Directive(Qualifier qualifier, Mechanism mechanism, String text) {}

  private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9_.\\-]*)=(.*)");
  private static final Pattern MECHANISM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");
  private static final Pattern IP4_CIDR = Pattern.compile("/(0|[1-9][0-9]?)$");
  private static final Pattern IP6_CIDR = Pattern.compile("//(0|[1-9][0-9]{0,2})$");
  private static final Pattern QNUM = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern TOPLABEL =
      Pattern.compile("([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])");

  /** Whether a TXT record is an SPF version 1 record (RFC 7208 §4.5). */
  static boolean isSpf1(String txt) {
    return txt.regionMatches(true, 0, "v=spf1", 0, 6)
        && (txt.length() == 6 || txt.charAt(6) == ' ');
  }

  /** Parses a record already known to start with {@code v=spf1}. */
  static SpfRecord parse(String txt) throws SpfSyntaxException {
    List<Directive> directives = new ArrayList<>();
    MacroString redirect = null;
    MacroString exp = null;
    for (String term : txt.substring(6).split(" ")) {
      if (term.isEmpty()) {
        continue;
      }
      Matcher modifier = MODIFIER.matcher(term);
      if (modifier.matches()) {
        String name = modifier.group(1).toLowerCase(Locale.ROOT);
        String value = modifier.group(2);
        switch (name) {
          case "redirect" -> {
            if (redirect != null) {
              throw new SpfSyntaxException("more than one redirect= modifier"); // §6
            }
            redirect = domainSpec(value);
          }
          case "exp" -> {
            if (exp != null) {
              throw new SpfSyntaxException("more than one exp= modifier"); // §6
            }
            exp = domainSpec(value);
          }
          default -> MacroString.parse(value, false); // §6: unknown modifiers are ignored
        }
        continue;
      }
      directives.add(directive(term));
    }
    return new SpfRecord(directives, Optional.ofNullable(redirect), Optional.ofNullable(exp));
  }

  /** Whether the record has an {@code all} mechanism, which makes {@code redirect} ignored. */
  boolean hasAll() {
    return directives.stream().anyMatch(d -> d.mechanism() instanceof Mechanism.All);
  }

  private static Directive directive(String term) throws SpfSyntaxException {
    Qualifier qualifier = Qualifier.of(term.charAt(0));
    String rest = qualifier == null ? term : term.substring(1);
    if (qualifier == null) {
      qualifier = Qualifier.PASS;
    }
    int end = 0;
    while (end < rest.length() && rest.charAt(end) != ':' && rest.charAt(end) != '/') {
      end++;
    }
    String name = rest.substring(0, end).toLowerCase(Locale.ROOT);
    String args = rest.substring(end);
    if (!MECHANISM_NAME.matcher(name).matches()) {
      throw new SpfSyntaxException("invalid term: " + term);
    }
    Mechanism mechanism =
        switch (name) {
          case "all" -> {
            requireNone(args, term);
            yield new Mechanism.All();
          }
          case "include" -> new Mechanism.Include(domainSpec(required(args, term)));
          case "exists" -> new Mechanism.Exists(domainSpec(required(args, term)));
          case "ptr" ->
              new Mechanism.Ptr(
                  args.isEmpty()
                      ? Optional.empty()
                      : Optional.of(domainSpec(required(args, term))));
          case "a", "mx" -> addressMechanism(name, args, term);
          case "ip4" -> ip4(required(args, term), term);
          case "ip6" -> ip6(required(args, term), term);
          default -> throw new SpfSyntaxException("unknown mechanism: " + term);
        };
    return new Directive(qualifier, mechanism, term);
  }

  private static Mechanism addressMechanism(String name, String args, String term)
      throws SpfSyntaxException {
    int ip6 = 128;
    int ip4 = 32;
    Matcher m6 = IP6_CIDR.matcher(args);
    if (m6.find()) {
      ip6 = prefix(m6.group(1), 128, term);
      args = args.substring(0, m6.start());
    }
    Matcher m4 = IP4_CIDR.matcher(args);
    if (m4.find()) {
      ip4 = prefix(m4.group(1), 32, term);
      args = args.substring(0, m4.start());
    }
    Optional<MacroString> domain =
        args.isEmpty() ? Optional.empty() : Optional.of(domainSpec(required(args, term)));
    return name.equals("a")
        ? new Mechanism.A(domain, ip4, ip6)
        : new Mechanism.Mx(domain, ip4, ip6);
  }

  private static Mechanism ip4(String value, String term) throws SpfSyntaxException {
    int prefix = 32;
    int slash = value.indexOf('/');
    String network = value;
    if (slash >= 0) {
      prefix = prefix(value.substring(slash + 1), 32, term);
      network = value.substring(0, slash);
    }
    String[] quads = network.split("\\.", -1);
    if (quads.length != 4) {
      throw new SpfSyntaxException("invalid ip4 network: " + term);
    }
    for (String q : quads) {
      if (!QNUM.matcher(q).matches()) {
        throw new SpfSyntaxException("invalid ip4 network: " + term);
      }
    }
    InetAddress address = IpLiterals.parse(network);
    if (!(address instanceof Inet4Address)) {
      throw new SpfSyntaxException("invalid ip4 network: " + term);
    }
    return new Mechanism.Ip4(address, prefix);
  }

  private static Mechanism ip6(String value, String term) throws SpfSyntaxException {
    int prefix = 128;
    int slash = value.indexOf('/');
    String network = value;
    if (slash >= 0) {
      prefix = prefix(value.substring(slash + 1), 128, term);
      network = value.substring(0, slash);
    }
    Optional<InetAddress> address =
        network.indexOf(':') < 0 ? Optional.empty() : IpLiterals.tryParse(network);
    if (address.isEmpty()) {
      throw new SpfSyntaxException("invalid ip6 network: " + term);
    }
    InetAddress parsed = address.get();
    if (parsed instanceof Inet4Address v4) {
      // An IPv4-mapped literal: keep it as IPv6 so only IPv6 clients (mapped back) match.
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
      try {
        parsed = Inet6Address.getByAddress(null, mapped, -1);
      } catch (UnknownHostException e) {
        throw new SpfSyntaxException("invalid ip6 network: " + term);
      }
    }
    return new Mechanism.Ip6(parsed, prefix);
  }

  private static int prefix(String digits, int max, String term) throws SpfSyntaxException {
    if (!digits.matches("0|[1-9][0-9]{0,2}")) {
      throw new SpfSyntaxException("invalid prefix length in: " + term);
    }
    int value = Integer.parseInt(digits);
    if (value > max) {
      throw new SpfSyntaxException("prefix length above " + max + " in: " + term);
    }
    return value;
  }

  private static String required(String args, String term) throws SpfSyntaxException {
    if (!args.startsWith(":") || args.length() == 1) {
      throw new SpfSyntaxException("missing argument: " + term);
    }
    return args.substring(1);
  }

  private static void requireNone(String args, String term) throws SpfSyntaxException {
    if (!args.isEmpty()) {
      throw new SpfSyntaxException("unexpected argument: " + term);
    }
  }

  /**
   * Parses a domain-spec: a macro-string that ends in a macro or in "." toplabel (RFC 7208 §7.1);
   * the check is on the text as written, not after expansion.
   */
  static MacroString domainSpec(String text) throws SpfSyntaxException {
    MacroString spec = MacroString.parse(text, false);
    if (spec.endsWithMacro()) {
      return spec;
    }
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    int dot = t.lastIndexOf('.');
    if (dot < 0 || !isTopLabel(t.substring(dot + 1))) {
      throw new SpfSyntaxException("domain-spec must end in a valid top label: " + text);
    }
    return spec;
  }

  /**
   * RFC 7208 §7.1: toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" )
   * alphanum ), checked in one pass (a regex for it backtracks on long hostile labels).
   */
  static boolean isTopLabel(String label) {
    if (label.isEmpty()) {
      return false;
    }
    boolean alpha = false;
    boolean dash = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (c == '-') {
        dash = true;
      } else if (!letter && !(c >= '0' && c <= '9')) {
        return false;
      }
      alpha |= letter;
    }
    if (!dash) {
      return alpha;
    }
    return label.charAt(0) != '-' && label.charAt(label.length() - 1) != '-';
  }
}
