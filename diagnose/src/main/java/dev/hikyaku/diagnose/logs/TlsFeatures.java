package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Optional;

/**
 * The TLS summary of a delivery, from {@code tls=} (Postfix 3.10 and later): the security level,
 * whether it was settled, any downgrade, and REQUIRETLS (RFC 8689) handling, as in {@code
 * dane/!requiretls:nostarttls}.
 *
 * @param securityLevel the TLS security level ({@code none}, {@code may}, {@code encrypt}, {@code
 *     dane}, {@code verify}, ...)
 * @param levelUndecided whether the level was still undecided ({@code ?})
 * @param downgrade the level it was downgraded to, after a colon
 * @param requireTls whether the message asked for REQUIRETLS
 * @param requireTlsUndecided whether the REQUIRETLS policy was undecided ({@code requiretls?})
 * @param requireTlsViolated whether the REQUIRETLS policy was violated ({@code !requiretls})
 * @param requireTlsDowngrade why REQUIRETLS could not be met ({@code nostarttls}, {@code
 *     nocertmatch}, ...)
 */
public record TlsFeatures(
    String securityLevel,
    boolean levelUndecided,
    Optional<String> downgrade,
    boolean requireTls,
    boolean requireTlsUndecided,
    boolean requireTlsViolated,
    Optional<String> requireTlsDowngrade) {

  private static final String REQUIRETLS = "requiretls";

  public TlsFeatures {
    Objects.requireNonNull(securityLevel, "securityLevel");
    Objects.requireNonNull(downgrade, "downgrade");
    Objects.requireNonNull(requireTlsDowngrade, "requireTlsDowngrade");
    if (securityLevel.isEmpty()) {
      throw new IllegalArgumentException("a TLS security level is needed");
    }
    if (!requireTls
        && (requireTlsUndecided || requireTlsViolated || requireTlsDowngrade.isPresent())) {
      throw new IllegalArgumentException("REQUIRETLS details without REQUIRETLS");
    }
  }

  /** The features {@code text} describes, or empty if it does not follow the syntax. */
  public static Optional<TlsFeatures> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 200) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    String level = slash < 0 ? text : text.substring(0, slash);
    String downgrade = null;
    int colon = level.indexOf(':');
    if (colon >= 0) {
      downgrade = level.substring(colon + 1);
      level = level.substring(0, colon);
    }
    boolean undecided = level.endsWith("?");
    level = undecided ? level.substring(0, level.length() - 1) : level;
    if (level.isEmpty() || !isWord(level) || downgrade != null && !isWord(downgrade)) {
      return Optional.empty();
    }
    if (slash < 0) {
      return Optional.of(
          new TlsFeatures(
              level,
              undecided,
              Optional.ofNullable(downgrade),
              false,
              false,
              false,
              Optional.empty()));
    }
    TextCursor cursor = new TextCursor(text, slash + 1);
    boolean violated = cursor.skip("!");
    if (!cursor.skip(REQUIRETLS)) {
      return Optional.empty();
    }
    boolean requireUndecided = cursor.skip("?");
    String requireDowngrade = cursor.skip(":") ? cursor.rest() : null;
    if (requireDowngrade == null && !cursor.atEnd()
        || requireDowngrade != null && !isWord(requireDowngrade)) {
      return Optional.empty();
    }
    return Optional.of(
        new TlsFeatures(
            level,
            undecided,
            Optional.ofNullable(downgrade),
            true,
            requireUndecided,
            violated,
            Optional.ofNullable(requireDowngrade)));
  }

  private static boolean isWord(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
