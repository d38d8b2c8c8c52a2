package dev.hikyaku.mailauth.results;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The content of one Authentication-Results header field (RFC 8601 §2.2): who evaluated
 * (authserv-id, with an optional version) and the results; no results means {@code none}.
 */
public record AuthenticationResults(
    String authservId, OptionalInt version, List<MethodResult> results) {

  public AuthenticationResults {
    Objects.requireNonNull(authservId, "authservId");
    Objects.requireNonNull(version, "version");
    if (authservId.isEmpty() || Syntax.hasControl(authservId)) {
      throw new IllegalArgumentException("authserv-id is empty or holds a control character");
    }
    if (version.isPresent() && version.getAsInt() < 0) {
      throw new IllegalArgumentException("negative authres-version");
    }
    results = List.copyOf(results);
  }

  /** A field from {@code authservId} with {@code results}, without version. */
  public static AuthenticationResults of(String authservId, MethodResult... results) {
    return new AuthenticationResults(authservId, OptionalInt.empty(), List.of(results));
  }

  /** The results of {@code method}, compared case-insensitively, in order. */
  public List<MethodResult> resultsFor(String method) {
    return results.stream().filter(r -> r.method().equalsIgnoreCase(method)).toList();
  }
}
