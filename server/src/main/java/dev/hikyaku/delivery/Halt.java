package dev.hikyaku.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * The emergency stop in force: while there is one, no node expands or claims anything, whatever the
 * source (campaign, test send) or the route.
 *
 * @param by who pulled it, as the operation log names actors ({@code user:sato})
 * @param since when
 * @param reason what they wrote, cleaned by {@link #reason(String)}; may be empty
 */
public record Halt(String by, Instant since, String reason) {

  /** Longest reason kept; a longer one is cut, never refused (a stop must not fail on its note). */
  public static final int MAX_REASON = 500;

  public Halt {
    Objects.requireNonNull(since, "since");
    if (by == null || by.isBlank()) {
      throw new IllegalArgumentException("a halt needs the actor who pulled it");
    }
    reason = reason(reason);
  }

  /**
   * The reason as stored: control characters (line breaks included) become spaces, runs of spaces
   * one, and it is cut at {@value #MAX_REASON} characters; null becomes empty. An emergency stop is
   * never refused because of what its note says.
   */
  public static String reason(String raw) {
    if (raw == null) {
      return "";
    }
    String clean =
        raw.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").replaceAll("\\s+", " ").strip();
    if (clean.length() <= MAX_REASON) {
      return clean;
    }
    int end = MAX_REASON;
    if (Character.isHighSurrogate(clean.charAt(end - 1))) {
      end--;
    }
    return clean.substring(0, end);
  }
}
