package dev.hikyaku.mailauth.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One resinfo of an Authentication-Results field (RFC 8601 §2.2): a method, its optional version,
 * the result, an optional reason, properties and comments.
 *
 * <p>Method and result are keywords, kept in lower case as they compare case-insensitively; reason,
 * property values and comments hold no control character other than HTAB, so they cannot smuggle a
 * line break into a header. Comments are informative only (RFC 8601 §2.2) but kept, since receivers
 * put useful text there ({@code (p=REJECT sp=REJECT dis=NONE)}).
 */
public record MethodResult(
    String method,
    OptionalInt version,
    String result,
    Optional<String> reason,
    List<Property> properties,
    List<String> comments) {

  public MethodResult {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(reason, "reason");
    if (!Syntax.isKeyword(method)) {
      throw new IllegalArgumentException("method is not a keyword: " + method);
    }
    if (!Syntax.isKeyword(result)) {
      throw new IllegalArgumentException("result is not a keyword: " + result);
    }
    if (version.isPresent() && version.getAsInt() < 0) {
      throw new IllegalArgumentException("negative method version");
    }
    if (reason.isPresent() && Syntax.hasControl(reason.get())) {
      throw new IllegalArgumentException("control character in reason");
    }
    for (String comment : comments) {
      if (Syntax.hasControl(comment)) {
        throw new IllegalArgumentException("control character in comment");
      }
    }
    method = method.toLowerCase(Locale.ROOT);
    result = result.toLowerCase(Locale.ROOT);
    properties = List.copyOf(properties);
    comments = List.copyOf(comments);
  }

  /** A result without version, reason, properties or comments: {@code spf=pass}. */
  public static MethodResult of(String method, String result) {
    return new MethodResult(
        method, OptionalInt.empty(), result, Optional.empty(), List.of(), List.of());
  }

  /** This result with {@code reason="..."}. */
  public MethodResult withReason(String newReason) {
    return new MethodResult(method, version, result, Optional.of(newReason), properties, comments);
  }

  /** This result with {@code /version} after the method. */
  public MethodResult withVersion(int newVersion) {
    return new MethodResult(
        method, OptionalInt.of(newVersion), result, reason, properties, comments);
  }

  /** This result with one more property {@code ptype.name=value}. */
  public MethodResult withProperty(String ptype, String name, String value) {
    List<Property> more = new ArrayList<>(properties);
    more.add(new Property(ptype, name, value));
    return new MethodResult(method, version, result, reason, more, comments);
  }

  /** This result with one more comment, written after the result. */
  public MethodResult withComment(String comment) {
    List<String> more = new ArrayList<>(comments);
    more.add(comment);
    return new MethodResult(method, version, result, reason, properties, more);
  }

  /** The value of the first property {@code ptype.name}, compared case-insensitively. */
  public Optional<String> property(String ptype, String name) {
    return properties.stream()
        .filter(p -> p.ptype().equalsIgnoreCase(ptype) && p.name().equalsIgnoreCase(name))
        .map(Property::value)
        .findFirst();
  }
}
