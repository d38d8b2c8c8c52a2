package dev.hikyaku.delivery.mtasts;

import java.util.Objects;

/** The outcome of parsing a policy file: the policy, or why it was refused. */
public sealed interface PolicyParseResult {

  /** The file is a valid STSv1 policy. */
  record Parsed(MtaStsPolicy policy) implements PolicyParseResult {
    public Parsed {
      Objects.requireNonNull(policy, "policy");
    }
  }

  /** The file was refused; senders treat the domain as having no fetchable policy (§3.3). */
  record Invalid(PolicyError error) implements PolicyParseResult {
    public Invalid {
      Objects.requireNonNull(error, "error");
    }
  }
}
