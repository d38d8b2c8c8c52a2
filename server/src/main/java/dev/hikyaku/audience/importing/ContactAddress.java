package dev.hikyaku.audience.importing;

import dev.hikyaku.shared.EmailAddress;
import dev.hikyaku.shared.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address of an imported contact: an {@link EmailAddress}, or one of the old Japanese mobile
 * addresses that break RFC 5322 but are real and deliverable.
 */
public sealed interface ContactAddress {

  /** The address as it will be used in {@code RCPT TO} (domain in lower case). */
  String value();

  /** The part before the last {@code @}. */
  default String localPart() {
    return value().substring(0, value().lastIndexOf('@'));
  }

  /** The domain, in lower case. */
  default String domain() {
    return value().substring(value().lastIndexOf('@') + 1);
  }

  /**
   * The form two rows are compared in to find duplicates: all in lower case. Local parts may be
   * case-sensitive (RFC 5321 §2.4), but no mailbox provider our users meet treats {@code
   * Taro@example.jp} and {@code taro@example.jp} as two people, and mailing one person twice is the
   * worse mistake.
   */
  default String duplicateKey() {
    return value().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code value} as a standard address if it is one, else as a carrier address; throws if neither.
   */
  static ContactAddress of(String value) {
    try {
      return new Standard(new EmailAddress(value));
    } catch (InvalidInputException notStandard) {
      return new CarrierLegacy(value);
    }
  }

  /** An RFC 5322 dot-atom address, as every other module takes it. */
  record Standard(EmailAddress address) implements ContactAddress {

    public Standard {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public String value() {
      return address.value();
    }
  }

  /**
   * An address at docomo.ne.jp or ezweb.ne.jp with consecutive dots or a dot right before the
   * {@code @}. Until 2009 both carriers let subscribers choose such local parts; RFC 5322 §3.4.1
   * forbids them, but the mailboxes exist and their MTAs accept mail for them. Only what needs the
   * exemption is held here: anything that is a valid {@link EmailAddress} is a {@link Standard}.
   */
  record CarrierLegacy(String value) implements ContactAddress {

    /** The domains whose old addresses are accepted. */
    public static final Set<String> DOMAINS = Set.of("docomo.ne.jp", "ezweb.ne.jp");

    // atext (RFC 5322 §3.2.3) and dots anywhere but first; at most 64 octets (RFC 5321 §4.5.3.1.1).
    private static final Pattern LOCAL =
        Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-][A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{0,63}");

    public CarrierLegacy {
      Objects.requireNonNull(value, "value");
      int at = value.lastIndexOf('@');
      String local = at < 0 ? "" : value.substring(0, at);
      String domain = at < 0 ? "" : value.substring(at + 1).toLowerCase(Locale.ROOT);
      if (!DOMAINS.contains(domain)
          || !LOCAL.matcher(local).matches()
          || !(local.contains("..") || local.endsWith("."))) {
        throw new InvalidInputException("email", "email", "not an e-mail address: " + value);
      }
      value = local + "@" + domain;
    }
  }
}
