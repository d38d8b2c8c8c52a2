package dev.hikyaku.approval.checks;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a link shows with where it goes: a text that shows a domain or URL ({@code
 * https://www.bank.example/}, {@code www.bank.example}, {@code bank.co.jp}) while the href goes to
 * another organisation is how phishing mail looks, and legitimate mail should not look like it.
 */
final class LinkCheck {

  /** Where a link shows it goes and where it really goes, as organisational domains. */
  record Mismatch(String shown, String actual) {}

  private static final Pattern URL_IN_TEXT =
      Pattern.compile("(?i)(?<![A-Za-z0-9])https?://([^\\s/?#<>\"']+)");
  private static final Pattern WWW_IN_TEXT =
      Pattern.compile("(?i)(?<![A-Za-z0-9.@-])(www[0-9]?(?:\\.[A-Za-z0-9-]+)+)");
  private static final Pattern BARE_DOMAIN =
      Pattern.compile("(?i)([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.([A-Za-z]{2,}))(?:[/?#:]\\S*)?");
  private static final Pattern SCHEME =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);

  // A bare "name.tld" link text counts only with a TLD people recognise as one; "report.pdf" and
  // "README.md" are file names.
  private static final Set<String> COMMON_TLDS =
      Set.of(
          "jp",
          "com",
          "net",
          "org",
          "info",
          "biz",
          "io",
          "co",
          "me",
          "app",
          "dev",
          "tokyo",
          "osaka",
          "nagoya",
          "yokohama",
          "us",
          "uk",
          "cn",
          "kr",
          "tw",
          "hk",
          "sg",
          "de",
          "fr",
          "eu",
          "au",
          "ca",
          "nz",
          "in",
          "asia",
          "shop",
          "online",
          "site",
          "xyz",
          "ly");

  private LinkCheck() {}

  /** The mismatch of {@code link}, if its text shows a domain of another organisation. */
  static Optional<Mismatch> check(HtmlText.Link link) {
    Optional<String> actual = hrefHost(link.href()).flatMap(OrganizationalDomain::of);
    if (actual.isEmpty()) {
      return Optional.empty();
    }
    return shownHost(link.text())
        .flatMap(OrganizationalDomain::of)
        .filter(shown -> !shown.equals(actual.get()))
        .map(shown -> new Mismatch(shown, actual.get()));
  }

  /** The host a link text shows, if it shows one. */
  static Optional<String> shownHost(String text) {
    String t = TextNormalizer.normalize(text).replace('\u3002', '.').strip();
    if (AddressFinder.hasPlaceholder(t)) {
      return Optional.empty();
    }
    Matcher url = URL_IN_TEXT.matcher(t);
    if (url.find()) {
      return Optional.of(hostOf(url.group(1)));
    }
    Matcher www = WWW_IN_TEXT.matcher(t);
    if (www.find()) {
      return Optional.of(www.group(1).toLowerCase(Locale.ROOT));
    }
    Matcher bare = BARE_DOMAIN.matcher(t);
    if (bare.matches() && COMMON_TLDS.contains(bare.group(2).toLowerCase(Locale.ROOT))) {
      return Optional.of(bare.group(1).toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  /**
   * The host an http(s) href goes to, read as a browser does: tabs and line breaks dropped,
   * backslashes taken for slashes, user information before {@code @} skipped ({@code
   * https://www.bank.example@evil.example/} goes to {@code evil.example}). Empty for {@code
   * mailto:}, {@code tel:} and other schemes, relative hrefs and template placeholders.
   */
  static Optional<String> hrefHost(String href) {
    String s = href.replaceAll("[\\t\\n\\r]", "").strip().replace('\\', '/');
    if (s.isEmpty() || AddressFinder.hasPlaceholder(s)) {
      return Optional.empty();
    }
    String rest;
    if (s.startsWith("//")) {
      rest = s.substring(2);
    } else {
      Matcher scheme = SCHEME.matcher(s);
      if (!scheme.matches()) {
        return Optional.empty(); // relative
      }
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (!name.equals("http") && !name.equals("https")) {
        return Optional.empty();
      }
      rest = scheme.group(2).replaceFirst("^/*", "");
    }
    String authority = rest.split("[/?#]", 2)[0];
    String host = hostOf(percentDecode(authority));
    return host.isEmpty() ? Optional.empty() : Optional.of(host);
  }

  /** The host of an authority: no user information, no port; lower case, NFKC as IDNA maps it. */
  private static String hostOf(String authority) {
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      host = close < 0 ? hostPort : hostPort.substring(0, close + 1);
    } else {
      int colon = hostPort.indexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    }
    return TextNormalizer.normalize(host).replace('\u3002', '.').toLowerCase(Locale.ROOT);
  }

  /** Decodes %XX escapes of printable ASCII: browsers read {@code %62ank.example} as bank. */
  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escape = c == '%' && i + 2 < text.length();
      int high = escape ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = escape ? Character.digit(text.charAt(i + 2), 16) : -1;
      int value = high * 16 + low;
      if (high >= 0 && low >= 0 && value >= 0x20 && value < 0x7F) {
        out.append((char) value);
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
