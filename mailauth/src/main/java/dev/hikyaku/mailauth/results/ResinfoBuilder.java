package dev.hikyaku.mailauth.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Collects the parts of one result while {@link AuthenticationResultsParser} reads it. */
final class ResinfoBuilder {

  private static final int MAX_COMMENTS = 16;

  private final String method;
  private final OptionalInt version;
  private final String result;
  private Optional<String> reason = Optional.empty();
  private final List<Property> properties = new ArrayList<>();
  private final List<String> comments = new ArrayList<>();
  private boolean tooManyProperties;

  ResinfoBuilder(String method, OptionalInt version, String result) {
    this.method = method;
    this.version = version;
    this.result = result;
  }

  /** The comments read so far; the scanner adds to this list. */
  List<String> comments() {
    return comments;
  }

  boolean hasReason() {
    return reason.isPresent();
  }

  void reason(String value) {
    reason = Optional.of(value);
  }

  void property(HeaderScanner in, String ptype, String name, String value) {
    if (properties.size() < AuthenticationResultsParser.MAX_PROPERTIES) {
      properties.add(new Property(ptype, name, value));
    } else if (!tooManyProperties) {
      tooManyProperties = true;
      in.problem(
          "more than "
              + AuthenticationResultsParser.MAX_PROPERTIES
              + " properties for "
              + method
              + "; rest ignored");
    }
  }

  MethodResult build(HeaderScanner in) {
    if (comments.size() > MAX_COMMENTS) {
      in.problem("more than " + MAX_COMMENTS + " comments for " + method + "; rest ignored");
    }
    List<String> kept = comments.subList(0, Math.min(comments.size(), MAX_COMMENTS));
    return new MethodResult(method, version, result, reason, properties, kept);
  }
}
