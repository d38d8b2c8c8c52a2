package dev.hikyaku.delivery.mtasts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The strict parser behind {@link MtaStsPolicy#parse}, following the grammar of RFC 8461 §3.2. */
final class MtaStsPolicyParser {

  // RFC 8461 §3.2: sts-policy-ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  // Values are printable ASCII and inner spaces or tabs (sts-policy-ext-value).
  private static final Pattern VALUE =
      Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e\\t]*[\\x21-\\x7e])?");
  private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,10}");

  private MtaStsPolicyParser() {}

  static PolicyParseResult parse(String body) {
    String version = null;
    String mode = null;
    String maxAge = null;
    List<MxPattern> mx = new ArrayList<>();
    // RFC 8461 §3.2: sts-policy-term = LF / CRLF; a bare CR is not a terminator.
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isEmpty()) {
        continue; // the final terminator, and blank lines some publishers leave
      }
      int colon = line.indexOf(':');
      String value = colon < 0 ? "" : strip(line.substring(colon + 1));
      if (colon < 0
          || !KEY.matcher(line.substring(0, colon)).matches()
          || !VALUE.matcher(value).matches()) {
        return invalid(new PolicyError.MalformedLine(i + 1, line));
      }
      // Keys are case-sensitive (%s"..." in the ABNF); the first of a repeated field counts.
      switch (line.substring(0, colon)) {
        case "version" -> version = version == null ? value : version;
        case "mode" -> mode = mode == null ? value : mode;
        case "max_age" -> maxAge = maxAge == null ? value : maxAge;
        case "mx" -> {
          String normalised = MxPattern.normalise(value);
          if (!MxPattern.isValid(normalised)) {
            return invalid(new PolicyError.InvalidMxPattern(value));
          }
          mx.add(new MxPattern(normalised));
        }
        default -> {
          // RFC 8461 §3.2: unknown fields SHOULD be ignored.
        }
      }
    }
    return build(version, mode, maxAge, mx);
  }

  private static PolicyParseResult build(
      String version, String mode, String maxAge, List<MxPattern> mx) {
    if (version == null) {
      return invalid(new PolicyError.MissingField("version"));
    }
    if (!version.equals(MtaStsPolicy.VERSION)) {
      return invalid(new PolicyError.UnsupportedVersion(version));
    }
    if (mode == null) {
      return invalid(new PolicyError.MissingField("mode"));
    }
    Optional<MtaStsMode> parsedMode = MtaStsMode.fromWireName(mode);
    if (parsedMode.isEmpty()) {
      return invalid(new PolicyError.UnknownMode(mode));
    }
    if (maxAge == null) {
      return invalid(new PolicyError.MissingField("max_age"));
    }
    if (!MAX_AGE.matcher(maxAge).matches()) {
      return invalid(new PolicyError.InvalidMaxAge(maxAge));
    }
    long seconds = Long.parseLong(maxAge);
    if (seconds > MtaStsPolicy.MAX_AGE_LIMIT.toSeconds()) {
      return invalid(new PolicyError.MaxAgeTooLarge(seconds));
    }
    if (mx.isEmpty() && parsedMode.get() != MtaStsMode.NONE) {
      return invalid(new PolicyError.MissingField("mx"));
    }
    return new PolicyParseResult.Parsed(
        new MtaStsPolicy(parsedMode.get(), mx, Duration.ofSeconds(seconds)));
  }

  private static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(start, end);
  }

  private static PolicyParseResult invalid(PolicyError error) {
    return new PolicyParseResult.Invalid(error);
  }
}
