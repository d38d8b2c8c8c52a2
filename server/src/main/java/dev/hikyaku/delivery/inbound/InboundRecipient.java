package dev.hikyaku.delivery.inbound;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An envelope recipient the listener takes: {@code bounce+<token>@<domain>} (the VERP return path
 * of one delivery) or {@code unsubscribe+<token>@<domain>} (its List-Unsubscribe mailto).
 */
public sealed interface InboundRecipient {

  /** The delivery token: 26 of {@code [a-z0-9]}, as the engine makes them. */
  Pattern TOKEN = Pattern.compile("[a-z0-9]{26}");

  String token();

  String domain();

  /** The address as {@code prefix+token@domain}. */
  String address();

  /** A bounce report, complaint or other reply to the return path. */
  record Bounce(String token, String domain) implements InboundRecipient {
    public Bounce {
      check(token, domain);
    }

    @Override
    public String address() {
      return "bounce+" + token + "@" + domain;
    }
  }

  /** A List-Unsubscribe mailto request. */
  record Unsubscribe(String token, String domain) implements InboundRecipient {
    public Unsubscribe {
      check(token, domain);
    }

    @Override
    public String address() {
      return "unsubscribe+" + token + "@" + domain;
    }
  }

  /**
   * Reads an envelope recipient as SubEthaSMTP hands it over (with or without angle brackets);
   * empty for any other address. The prefix and domain are compared in any case (RFC 5321 §2.4 lets
   * relays change local-part case only at their peril, but some do for the prefix); the token is
   * ours and must be exact.
   */
  static Optional<InboundRecipient> parse(String envelopeRecipient) {
    if (envelopeRecipient == null || envelopeRecipient.length() > 300) {
      return Optional.empty();
    }
    String address = envelopeRecipient.strip();
    if (address.startsWith("<") && address.endsWith(">") && address.length() >= 2) {
      address = address.substring(1, address.length() - 1);
    }
    int at = address.lastIndexOf('@');
    int plus = address.indexOf('+');
    if (at < 0 || plus < 0 || plus > at) {
      return Optional.empty();
    }
    String prefix = address.substring(0, plus).toLowerCase(Locale.ROOT);
    String token = address.substring(plus + 1, at);
    String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
    if (!TOKEN.matcher(token).matches() || !isDomain(domain)) {
      return Optional.empty();
    }
    return switch (prefix) {
      case "bounce" -> Optional.of(new Bounce(token, domain));
      case "unsubscribe" -> Optional.of(new Unsubscribe(token, domain));
      default -> Optional.empty();
    };
  }

  private static void check(String token, String domain) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(domain, "domain");
    if (!TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("a delivery token is 26 of [a-z0-9]");
    }
    if (!isDomain(domain)) {
      throw new IllegalArgumentException("not a lower-case domain name: " + domain);
    }
  }

  /** RFC 1035 §2.3.1 with RFC 1123 §2.1: LDH labels, lower case here, at least two. */
  private static boolean isDomain(String domain) {
    return domain.length() <= 253
        && domain.matches(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  }
}
