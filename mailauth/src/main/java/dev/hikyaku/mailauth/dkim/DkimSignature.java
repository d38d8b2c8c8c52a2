package dev.hikyaku.mailauth.dkim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed, syntactically valid DKIM-Signature field (RFC 6376 §3.5). {@link #parse} checks every
 * rule a verifier must check before fetching a key (RFC 6376 §6.1.1).
 *
 * @param algorithm {@code a=}
 * @param headerCanonicalization the first half of {@code c=} (default simple)
 * @param bodyCanonicalization the second half of {@code c=} (default simple)
 * @param domain {@code d=}, the SDID, in lower case
 * @param selector {@code s=}, in lower case
 * @param identity {@code i=}, the AUID; {@code "@" + d} when absent (RFC 6376 §3.5)
 * @param signedHeaders {@code h=}, the signed field names in order, as written
 * @param bodyHash {@code bh=}, decoded
 * @param signature {@code b=}, decoded
 * @param bodyLength {@code l=}; a value too large for a long is {@link Long#MAX_VALUE}
 * @param timestamp {@code t=}
 * @param expiration {@code x=}
 */
public record DkimSignature(
    DkimAlgorithm algorithm,
    Canonicalization headerCanonicalization,
    Canonicalization bodyCanonicalization,
    String domain,
    String selector,
    String identity,
    List<String> signedHeaders,
    byte[] bodyHash,
    byte[] signature,
    OptionalLong bodyLength,
    Optional<Instant> timestamp,
    Optional<Instant> expiration) {

  private static final List<String> REQUIRED = List.of("v", "a", "b", "bh", "d", "h", "s");

  public DkimSignature {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(headerCanonicalization, "headerCanonicalization");
    Objects.requireNonNull(bodyCanonicalization, "bodyCanonicalization");
    if (!DkimSyntax.isDomainName(domain) || !DkimSyntax.isSelector(selector)) {
      throw new IllegalArgumentException("bad d= or s=: " + domain + ", " + selector);
    }
    domain = domain.toLowerCase(Locale.ROOT);
    selector = selector.toLowerCase(Locale.ROOT);
    if (!isUnder(identity, domain)) {
      throw new IllegalArgumentException("i= is not in d=: " + identity);
    }
    signedHeaders = List.copyOf(signedHeaders);
    if (signedHeaders.stream().noneMatch(h -> h.equalsIgnoreCase("from"))) {
      throw new IllegalArgumentException("h= must include From");
    }
    bodyHash = bodyHash.clone();
    signature = signature.clone();
    Objects.requireNonNull(bodyLength, "bodyLength");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(expiration, "expiration");
  }

  /** Parses the value of a DKIM-Signature field (everything after the colon); never throws. */
  public static ParseResult<DkimSignature> parse(String value) {
    return switch (TagList.parse(value)) {
      case ParseResult.Invalid<TagList> invalid -> ParseResult.invalid(invalid.reason());
      case ParseResult.Valid<TagList> valid -> parse(valid.value());
    };
  }

  static ParseResult<DkimSignature> parse(TagList tags) {
    for (String tag : REQUIRED) {
      if (!tags.has(tag)) {
        return ParseResult.invalid("missing required tag " + tag + "="); // RFC 6376 §6.1.1
      }
    }
    if (!tags.get("v", "").equals("1")) {
      return ParseResult.invalid("unsupported version v=" + shortValue(tags, "v"));
    }
    String a = tags.get("a", "");
    if (a.equals("rsa-sha1")) {
      // RFC 8301 §3.1: verifiers must not consider rsa-sha1 signatures valid.
      return ParseResult.invalid("rsa-sha1 is not accepted (RFC 8301 §3.1)");
    }
    Optional<DkimAlgorithm> algorithm = DkimAlgorithm.fromRfcName(a);
    if (algorithm.isEmpty()) {
      return ParseResult.invalid("unknown algorithm a=" + shortValue(tags, "a"));
    }
    String[] c = tags.get("c", "simple").split("/", -1);
    Optional<Canonicalization> headerCanon = Canonicalization.fromRfcName(c[0]);
    // RFC 6376 §3.5: "relaxed" alone means relaxed/simple.
    Optional<Canonicalization> bodyCanon =
        c.length == 1 ? Optional.of(Canonicalization.SIMPLE) : Canonicalization.fromRfcName(c[1]);
    if (c.length > 2 || headerCanon.isEmpty() || bodyCanon.isEmpty()) {
      return ParseResult.invalid("unknown canonicalization c=" + shortValue(tags, "c"));
    }
    String domain = tags.get("d", "");
    if (!DkimSyntax.isDomainName(domain)) {
      return ParseResult.invalid("bad domain d=" + shortValue(tags, "d"));
    }
    String selector = tags.get("s", "");
    if (!DkimSyntax.isSelector(selector)) {
      return ParseResult.invalid("bad selector s=" + shortValue(tags, "s"));
    }
    String identity = tags.get("i", "@" + domain);
    if (!isUnder(identity, domain)) {
      // RFC 6376 §6.1.1: the AUID's domain must be d= or a subdomain of it.
      return ParseResult.invalid("i= domain is not d= or a subdomain of it");
    }
    List<String> headers = new ArrayList<>();
    for (String name : tags.get("h", "").split(":", -1)) {
      String trimmed = DkimSyntax.trimFws(name);
      if (!DkimSyntax.isHeaderName(trimmed)) {
        return ParseResult.invalid("bad header name in h=" + shortValue(tags, "h"));
      }
      headers.add(trimmed);
    }
    if (headers.stream().noneMatch(h -> h.equalsIgnoreCase("from"))) {
      return ParseResult.invalid("h= does not include From (RFC 6376 §6.1.1)");
    }
    byte[] bodyHash = base64(tags.get("bh", ""));
    if (bodyHash == null || bodyHash.length != 32) {
      return ParseResult.invalid("bh= is not a base64 SHA-256 digest");
    }
    byte[] signature = base64(tags.get("b", ""));
    if (signature == null || signature.length == 0) {
      return ParseResult.invalid("b= is empty or not base64");
    }
    if (!listContains(tags.get("q", "dns/txt"), "dns/txt")) {
      return ParseResult.invalid("no supported query method in q=" + shortValue(tags, "q"));
    }
    OptionalLong length = OptionalLong.empty();
    if (tags.has("l")) {
      String l = tags.get("l", "");
      if (!isDigits(l, 76)) { // RFC 6376 §3.5: l= 1*76DIGIT
        return ParseResult.invalid("bad body length l=" + shortValue(tags, "l"));
      }
      length = OptionalLong.of(l.length() > 18 ? Long.MAX_VALUE : Long.parseLong(l));
    }
    Optional<Instant> timestamp = Optional.empty();
    Optional<Instant> expiration = Optional.empty();
    for (String tag : List.of("t", "x")) {
      if (tags.has(tag)) {
        String digits = tags.get(tag, "");
        if (!isDigits(digits, 12)) { // RFC 6376 §3.5: 1*12DIGIT
          return ParseResult.invalid("bad time " + tag + "=" + shortValue(tags, tag));
        }
        Optional<Instant> time = Optional.of(Instant.ofEpochSecond(Long.parseLong(digits)));
        if (tag.equals("t")) {
          timestamp = time;
        } else {
          expiration = time;
        }
      }
    }
    if (timestamp.isPresent()
        && expiration.isPresent()
        && !expiration.get().isAfter(timestamp.get())) {
      // RFC 6376 §3.5: x= MUST be greater than t=, so equal is as invalid as earlier.
      return ParseResult.invalid("x= is not after t=");
    }
    return ParseResult.valid(
        new DkimSignature(
            algorithm.get(),
            headerCanon.get(),
            bodyCanon.get(),
            domain,
            selector,
            identity,
            headers,
            bodyHash,
            signature,
            length,
            timestamp,
            expiration));
  }

  /** The DNS name of the key record: {@code selector._domainkey.domain} (RFC 6376 §3.6.2.1). */
  public String keyRecordName() {
    return selector + "._domainkey." + domain;
  }

  /** The domain part of {@link #identity()}, in lower case. */
  public String identityDomain() {
    return identity.substring(identity.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public byte[] bodyHash() {
    return bodyHash.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  private static boolean isUnder(String identity, String domain) {
    int at = identity.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String host = identity.substring(at + 1).toLowerCase(Locale.ROOT);
    String d = domain.toLowerCase(Locale.ROOT);
    return host.equals(d) || host.endsWith("." + d);
  }

  /**
   * Whether the colon-separated list contains {@code item} (RFC 6376 §3.5 q=, §3.6.1 h=, s=, t=).
   */
  static boolean listContains(String list, String item) {
    for (String element : list.split(":", -1)) {
      if (DkimSyntax.trimFws(element).equals(item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigits(String text, int maxDigits) {
    if (text.isEmpty() || text.length() > maxDigits) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Decodes a base64 value with FWS removed; null if it is not base64. */
  static byte[] base64(String value) {
    try {
      return Base64.getDecoder().decode(DkimSyntax.removeFws(value));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String shortValue(TagList tags, String tag) {
    return DkimSyntax.shorten(tags.get(tag, ""), 40);
  }
}
