package dev.hikyaku.mailauth.spf;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one SPF check: the result, the identity and domain checked, the term that decided
 * it, the explanation for a {@code fail} (RFC 7208 §6.2) and a reason in words.
 *
 * @param result the RFC 7208 result
 * @param identity which identity was checked: {@code mailfrom} or {@code helo}
 * @param domain the domain whose policy was evaluated (empty if none could be)
 * @param mechanism the directive that matched, as written in the record, if one did
 * @param explanation the explanation for a {@code fail}, from {@code exp=} or the default
 * @param reason why this result, for people and logs
 */
public record SpfVerdict(
    SpfResult result,
    String identity,
    String domain,
    Optional<String> mechanism,
    Optional<String> explanation,
    String reason) {

  public SpfVerdict {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(reason, "reason");
  }
}
