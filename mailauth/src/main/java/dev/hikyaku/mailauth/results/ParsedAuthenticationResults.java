package dev.hikyaku.mailauth.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link AuthenticationResultsParser} could read from a header field, with the problems it
 * met. The parts are those read before and between problems; nothing is guessed.
 *
 * @param arcInstance the {@code i=} of an ARC-Authentication-Results field (RFC 8617 §4.1.1)
 * @param authservId the authserv-id, empty if the field has none
 * @param version the authres-version after the authserv-id, if any
 * @param results the results read, in order
 * @param noResult whether the field says {@code none} (RFC 8601 §2.2 no-result)
 * @param problems deviations from the grammar, in order, for humans; empty for a clean field
 */
public record ParsedAuthenticationResults(
    OptionalInt arcInstance,
    Optional<String> authservId,
    OptionalInt version,
    List<MethodResult> results,
    boolean noResult,
    List<String> problems) {

  public ParsedAuthenticationResults {
    Objects.requireNonNull(arcInstance, "arcInstance");
    Objects.requireNonNull(authservId, "authservId");
    Objects.requireNonNull(version, "version");
    results = List.copyOf(results);
    problems = List.copyOf(problems);
  }

  /** Whether the field followed the grammar completely. */
  public boolean isWellFormed() {
    return problems.isEmpty() && authservId.isPresent();
  }

  /** The value object, if an authserv-id was read (possibly with problems elsewhere). */
  public Optional<AuthenticationResults> authenticationResults() {
    return authservId.map(id -> new AuthenticationResults(id, version, results));
  }

  /** The results of {@code method}, compared case-insensitively, in order. */
  public List<MethodResult> resultsFor(String method) {
    return results.stream().filter(r -> r.method().equalsIgnoreCase(method)).toList();
  }
}
