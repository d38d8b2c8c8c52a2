package dev.hikyaku.identity;

import dev.hikyaku.shared.InvalidInputException;
import java.util.Locale;

/** What a person may do. A person holds one or more roles; least privilege is the rule. */
public enum Role {
  /** Manages users, roles, IP rules and settings. */
  ADMIN,
  /** Composes campaigns. */
  AUTHOR,
  /** Approves or rejects sends; never their own. */
  APPROVER,
  /** Schedules, starts and stops sends; manages sending domains. */
  OPERATOR,
  /** Reads the operation log and reports; changes nothing. */
  AUDITOR;

  /** Roles whose holders must use MFA whatever the settings say. */
  public boolean requiresMfa() {
    return this == ADMIN || this == APPROVER;
  }

  public static Role parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException("roles", "unknown-role", "unknown role: " + name);
    }
  }
}
