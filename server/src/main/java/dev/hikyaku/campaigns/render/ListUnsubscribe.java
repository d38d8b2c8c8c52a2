package dev.hikyaku.campaigns.render;

import dev.hikyaku.shared.InvalidInputException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The unsubscribe targets of a message (RFC 2369 List-Unsubscribe) and whether the HTTPS one takes
 * a one-click POST (RFC 8058, {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}), which
 * large mailbox providers require of bulk senders.
 *
 * @param https the HTTPS URL, if any
 * @param mailto the mailto URL, if any
 * @param oneClick whether {@code https} accepts the RFC 8058 one-click POST
 */
public record ListUnsubscribe(Optional<URI> https, Optional<URI> mailto, boolean oneClick) {

  private static final int MAX_URI = 900;

  public ListUnsubscribe {
    Objects.requireNonNull(https, "https");
    Objects.requireNonNull(mailto, "mailto");
    https.ifPresent(uri -> check(uri, "https"));
    mailto.ifPresent(uri -> check(uri, "mailto"));
    if (https.isEmpty() && mailto.isEmpty()) {
      throw new InvalidInputException(
          "listUnsubscribe", "required", "List-Unsubscribe needs an https or a mailto URL");
    }
    if (oneClick && https.isEmpty()) {
      // RFC 8058 §3.1: the one-click POST goes to an HTTPS URI.
      throw new InvalidInputException(
          "listUnsubscribe", "one-click-https", "one-click unsubscribe needs an https URL");
    }
  }

  /** One-click unsubscribe (RFC 8058) at {@code https}, with an optional mailto fallback. */
  public static ListUnsubscribe oneClick(URI https, URI mailto) {
    return new ListUnsubscribe(Optional.of(https), Optional.ofNullable(mailto), true);
  }

  /** Plain RFC 2369 unsubscribe targets; either may be null, not both. */
  public static ListUnsubscribe of(URI https, URI mailto) {
    return new ListUnsubscribe(Optional.ofNullable(https), Optional.ofNullable(mailto), false);
  }

  private static void check(URI uri, String scheme) {
    String text = uri.toASCIIString();
    String actual = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!actual.equals(scheme) || !uri.isAbsolute()) {
      throw new InvalidInputException(
          "listUnsubscribe", "scheme", "expected a " + scheme + ": URL: " + text);
    }
    // The URL goes between < > on one header line (RFC 5322 §2.1.1: at most 998 octets).
    if (text.length() > MAX_URI || text.indexOf('>') >= 0) {
      throw new InvalidInputException(
          "listUnsubscribe", "too-long", "unsubscribe URL longer than " + MAX_URI + ": " + text);
    }
  }
}
