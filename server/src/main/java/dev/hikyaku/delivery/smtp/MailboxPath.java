package dev.hikyaku.delivery.smtp;

import dev.hikyaku.shared.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mailbox as it goes between the angle brackets of MAIL FROM or RCPT TO (RFC 5321 §4.1.2): a
 * dot-atom local part and a domain, in ASCII or, for SMTPUTF8 (RFC 6531 §3.3), UTF-8. The domain is
 * lower-cased. Quoted local parts and address literals are not supported: Hikyaku never sends to
 * them, and they are a common source of tricks.
 *
 * @param address {@code local@domain}; local part at most 64 octets, domain at most 255, whole at
 *     most 254 (RFC 5321 §4.5.3.1)
 */
public record MailboxPath(String address) {

  // RFC 5321 atext, plus RFC 6531 §3.3 UTF8-non-ascii (letters, marks, digits, symbols,
  // punctuation;
  // never controls, separators, unassigned or lone surrogates).
  private static final String ATEXT =
      "(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[\\p{L}\\p{M}\\p{N}\\p{S}\\p{P}&&[^\\x00-\\x7F]])";
  private static final String LABEL =
      "(?:[A-Za-z0-9]|[\\p{L}\\p{M}\\p{N}&&[^\\x00-\\x7F]])"
          + "(?:(?:[A-Za-z0-9-]|[\\p{L}\\p{M}\\p{N}&&[^\\x00-\\x7F]])*"
          + "(?:[A-Za-z0-9]|[\\p{L}\\p{M}\\p{N}&&[^\\x00-\\x7F]]))?";
  private static final Pattern SHAPE =
      Pattern.compile(ATEXT + "+(?:\\." + ATEXT + "+)*@" + LABEL + "(?:\\." + LABEL + ")+");

  public MailboxPath {
    if (address == null || address.length() > 254 || !SHAPE.matcher(address).matches()) {
      throw new IllegalArgumentException(
          "not a mailbox for an SMTP path: "
              + (address == null ? null : HostNames.printable(address)));
    }
    int at = address.lastIndexOf('@');
    String local = address.substring(0, at);
    String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
    if (octets(local) > 64 || octets(domain) > 255 || octets(address) > 254) {
      throw new IllegalArgumentException("mailbox longer than RFC 5321 §4.5.3.1 allows");
    }
    address = local + "@" + domain;
  }

  /** The path for an address typed into Hikyaku. */
  public static MailboxPath of(EmailAddress address) {
    return new MailboxPath(address.value());
  }

  /** The domain part, lower case. */
  public String domain() {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** Whether the address has non-ASCII characters, which only SMTPUTF8 servers accept. */
  public boolean requiresSmtpUtf8() {
    return address.chars().anyMatch(c -> c > 0x7f);
  }

  private static int octets(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return address;
  }
}
