package dev.hikyaku.diagnose.redaction;

import dev.hikyaku.diagnose.redaction.AddressScanner.Mode;
import dev.hikyaku.diagnose.redaction.HeaderFields.Field;
import dev.hikyaku.diagnose.redaction.Redaction.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Masks private data in a message's header block before it is handed to a partner, keeping field
 * names, folding, Received hops, dates and signature values as they were.
 *
 * <p>The same address, name, host or IP gets the same token in every field, numbered in order of
 * first appearance. Scanning is linear in the input and never throws.
 */
public final class HeaderRedactor {

  private static final Set<String> ADDRESS_FIELDS =
      Set.of(
          "from",
          "sender",
          "reply-to",
          "to",
          "cc",
          "bcc",
          "resent-from",
          "resent-sender",
          "resent-to",
          "resent-cc",
          "resent-bcc",
          "return-path",
          "delivered-to",
          "x-original-to",
          "x-original-from",
          "errors-to",
          "disposition-notification-to",
          "mail-followup-to",
          "mail-reply-to",
          "x-envelope-from",
          "x-envelope-to");

  private static final Set<String> MESSAGE_ID_FIELDS =
      Set.of("message-id", "in-reply-to", "references", "resent-message-id", "content-id");

  private final RedactionOptions options;

  /** A redactor with {@link RedactionOptions#defaults()}. */
  public HeaderRedactor() {
    this(RedactionOptions.defaults());
  }

  public HeaderRedactor(RedactionOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The header block with private data masked, and the mapping; {@code null} reads as empty. */
  public Redaction redact(String header) {
    String text = header == null ? "" : header;
    List<Candidate> candidates = new ArrayList<>();
    for (Field field : HeaderFields.split(text)) {
      scan(text, field, candidates);
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::start)
            .thenComparing(Comparator.comparingInt(Candidate::end).reversed()));
    Set<String> privateDomains = privateDomains(candidates);
    TokenMap tokens = new TokenMap(options);
    StringBuilder out = new StringBuilder(text.length());
    int done = 0;
    for (Candidate c : candidates) {
      if (c.start() < done || (c.kind() == Kind.DOMAIN && !isPrivate(c, privateDomains))) {
        continue;
      }
      out.append(text, done, c.start()).append(token(c, tokens));
      done = c.end();
    }
    out.append(text, done, text.length());
    return new Redaction(out.toString(), tokens.replacements());
  }

  private void scan(String text, Field field, List<Candidate> out) {
    int from = skipWhitespace(text, field.valueStart(), field.valueEnd());
    int to = field.valueEnd();
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from >= to) {
      return;
    }
    String name = field.name();
    boolean listed = options.fields().contains(name);
    if (name.equals("subject") && options.subject()) {
      out.add(new Candidate(from, to, Kind.SUBJECT, text.substring(from, to)));
      return;
    }
    if (listed && !MESSAGE_ID_FIELDS.contains(name)) {
      out.add(new Candidate(from, to, Kind.FIELD, text.substring(from, to)));
      return;
    }
    Mode mode = mode(name);
    if (options.addresses() && (mode != Mode.MESSAGE_ID || listed)) {
      AddressScanner.addresses(text, from, to, mode, out);
    }
    if (options.names() && mode == Mode.ADDRESS_LIST) {
      AddressScanner.names(text, from, to, out);
    }
    if (options.addresses()) {
      HostScanner.hosts(text, from, to, out);
    }
    if (options.ipAddresses()) {
      HostScanner.ipAddresses(text, from, to, out);
    }
  }

  private static Mode mode(String name) {
    if (ADDRESS_FIELDS.contains(name)) {
      return Mode.ADDRESS_LIST;
    }
    if (MESSAGE_ID_FIELDS.contains(name)) {
      return Mode.MESSAGE_ID;
    }
    // RFC 6376 §3.2 and RFC 8601 §2.2: tag=value lists, where '=' never belongs to an address.
    if (name.endsWith("dkim-signature")
        || name.endsWith("authentication-results")
        || name.startsWith("arc-")
        || name.equals("received-spf")
        || name.equals("domainkey-signature")) {
      return Mode.TAG_LIST;
    }
    return Mode.ANY;
  }

  /** The organizational domains of the addresses found, less the kept ones. */
  private Set<String> privateDomains(List<Candidate> candidates) {
    Set<String> domains = new HashSet<>();
    for (Candidate c : candidates) {
      if (c.kind() == Kind.ADDRESS) {
        String domain = c.original().substring(c.original().lastIndexOf('@') + 1);
        if (!domain.startsWith("[") && domain.length() <= HostScanner.MAX_HOST) {
          String host = HostScanner.normalize(domain);
          if (!options.keeps(host)) {
            domains.add(TokenMap.organizationalDomain(host));
          }
        }
      }
    }
    return domains;
  }

  private boolean isPrivate(Candidate c, Set<String> privateDomains) {
    String host = HostScanner.normalize(c.original());
    return privateDomains.contains(TokenMap.organizationalDomain(host)) && !options.keeps(host);
  }

  private static String token(Candidate c, TokenMap tokens) {
    return switch (c.kind()) {
      case ADDRESS -> tokens.address(c.original());
      case DOMAIN -> tokens.host(c.original());
      case NAME -> tokens.name(c.original());
      case SUBJECT -> tokens.subject(c.original());
      case FIELD -> tokens.field(c.original());
      case MESSAGE_ID -> tokens.messageId(c.original());
      case IP_ADDRESS -> tokens.ip(c.original());
    };
  }

  private static int skipWhitespace(String text, int from, int to) {
    int i = from;
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
