package dev.hikyaku.diagnose.headers;

import java.util.Locale;
import java.util.Objects;

/**
 * The protocol a Received field's {@code with} clause names, read as the Mail Transmission Types
 * registry defines them (RFC 3848, RFC 6531 §3.7.3): {@code S} means TLS, {@code A} means the
 * client authenticated.
 *
 * @param name the name as written, such as {@code ESMTPSA}, {@code esmtps} or {@code Microsoft SMTP
 *     Server}
 * @param kind the family
 * @param tls whether the name itself says TLS was used ({@code ESMTPS}, {@code UTF8SMTPS}, {@code
 *     HTTPS}, ...)
 * @param authenticated whether the name says the client authenticated ({@code ESMTPA}, ...)
 */
public record Protocol(String name, Kind kind, boolean tls, boolean authenticated) {

  /** The family of a protocol. */
  public enum Kind {
    /** SMTP or ESMTP (RFC 5321), with or without SMTPUTF8 (RFC 6531). */
    SMTP,
    /** LMTP (RFC 2033), delivery into a mailbox store. */
    LMTP,
    /** HTTP, e.g. a webmail or API submission. */
    HTTP,
    /** Local submission on the host, such as Exim's {@code local} or {@code local-esmtp}. */
    LOCAL,
    /** Microsoft Exchange's MAPI between a mailbox and the transport. */
    MAPI,
    /** Microsoft Exchange's {@code Microsoft SMTP Server}; TLS is stated in a comment after it. */
    MICROSOFT_SMTP,
    /** Anything else. */
    OTHER
  }

  public Protocol {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** Reads the protocol named in a {@code with} clause. */
  public static Protocol of(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.startsWith("MICROSOFT SMTP")) {
      return new Protocol(name, Kind.MICROSOFT_SMTP, false, false);
    }
    if (upper.equals("MAPI")) {
      return new Protocol(name, Kind.MAPI, false, false);
    }
    if (upper.startsWith("LOCAL")) {
      return new Protocol(name, Kind.LOCAL, false, false);
    }
    if (upper.startsWith("HTTP")) {
      return new Protocol(name, Kind.HTTP, upper.startsWith("HTTPS"), false);
    }
    // RFC 6531 §3.7.3 writes UTF8SMTP..., Exim utf8esmtp...; both carry RFC 3848's S/A suffixes.
    String rest = upper.startsWith("UTF8") ? upper.substring(4) : upper;
    Kind kind = null;
    for (String base : new String[] {"ESMTP", "SMTP", "LMTP"}) {
      if (rest.startsWith(base)) {
        kind = base.equals("LMTP") ? Kind.LMTP : Kind.SMTP;
        rest = rest.substring(base.length());
        break;
      }
    }
    if (kind == null
        || !(rest.isEmpty() || rest.equals("S") || rest.equals("A") || rest.equals("SA"))) {
      return new Protocol(name, Kind.OTHER, false, false);
    }
    return new Protocol(name, kind, rest.startsWith("S"), rest.endsWith("A"));
  }
}
