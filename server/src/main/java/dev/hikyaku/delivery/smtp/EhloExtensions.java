package dev.hikyaku.delivery.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The service extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1): keyword (upper
 * case) to parameters. After HELO, or before the EHLO that follows STARTTLS, there are none.
 *
 * @param keywords each announced keyword with its parameters, in the order announced
 */
public record EhloExtensions(Map<String, List<String>> keywords) {

  // RFC 5321 §4.1.1.1: ehlo-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
  private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

  public EhloExtensions {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    keywords.forEach((k, v) -> copy.put(k.toUpperCase(Locale.ROOT), List.copyOf(v)));
    keywords = Collections.unmodifiableMap(copy);
  }

  /** No extensions, as after HELO. */
  public static EhloExtensions none() {
    return new EhloExtensions(Map.of());
  }

  /**
   * The extensions of a 250 reply to EHLO: every line but the first (the server's name) is a
   * keyword and its parameters. Lines that are not a keyword are ignored. The obsolete {@code
   * AUTH=} form counts as {@code AUTH}.
   */
  public static EhloExtensions parse(SmtpReply ehloReply) {
    Map<String, List<String>> keywords = new LinkedHashMap<>();
    List<String> lines = ehloReply.lines();
    for (String line : lines.subList(1, lines.size())) {
      String[] words = line.strip().split("[ =]+");
      if (words.length == 0 || !KEYWORD.matcher(words[0]).matches()) {
        continue;
      }
      String keyword = words[0].toUpperCase(Locale.ROOT);
      List<String> params = List.of(words).subList(1, words.length);
      keywords.merge(
          keyword, params, (a, b) -> Stream.concat(a.stream(), b.stream()).distinct().toList());
    }
    return new EhloExtensions(keywords);
  }

  /** Whether {@code keyword} was announced. */
  public boolean supports(String keyword) {
    return keywords.containsKey(keyword.toUpperCase(Locale.ROOT));
  }

  /** PIPELINING (RFC 2920). */
  public boolean pipelining() {
    return supports("PIPELINING");
  }

  /** STARTTLS (RFC 3207). */
  public boolean startTls() {
    return supports("STARTTLS");
  }

  /** 8BITMIME (RFC 6152). */
  public boolean eightBitMime() {
    return supports("8BITMIME");
  }

  /** SMTPUTF8 (RFC 6531). */
  public boolean smtpUtf8() {
    return supports("SMTPUTF8");
  }

  /** ENHANCEDSTATUSCODES (RFC 2034). */
  public boolean enhancedStatusCodes() {
    return supports("ENHANCEDSTATUSCODES");
  }

  /** SIZE (RFC 1870), with or without a limit. */
  public boolean size() {
    return supports("SIZE");
  }

  /**
   * The fixed message size limit of SIZE, in octets; empty when SIZE was not announced, announced
   * without a number or with 0 (RFC 1870 §4: no fixed limit), or with a number we cannot read.
   */
  public OptionalLong sizeLimit() {
    List<String> params = keywords.get("SIZE");
    if (params == null || params.isEmpty() || !params.get(0).matches("\\d{1,18}")) {
      return OptionalLong.empty();
    }
    long limit = Long.parseLong(params.get(0));
    return limit == 0 ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /** The SASL mechanisms of AUTH (RFC 4954 §3), upper case; empty when AUTH was not announced. */
  public Set<String> authMechanisms() {
    return keywords.getOrDefault("AUTH", List.of()).stream()
        .map(m -> m.toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
