package dev.hikyaku.identity;

import dev.hikyaku.shared.InvalidInputException;

/**
 * What an API token may do. A request needs both the scope (in the token) and the role (of the
 * token's owner, checked at each request); a console session holds every scope.
 */
public enum Scope {
  USERS_READ("users:read"),
  USERS_WRITE("users:write"),
  SETTINGS_READ("settings:read"),
  SETTINGS_WRITE("settings:write"),
  AUDIT_READ("audit:read"),
  TOKENS_READ("tokens:read"),
  TOKENS_WRITE("tokens:write"),
  CAMPAIGNS_READ("campaigns:read"),
  CAMPAIGNS_WRITE("campaigns:write"),
  CAMPAIGNS_SEND("campaigns:send"),
  DOMAINS_READ("domains:read"),
  DOMAINS_WRITE("domains:write"),
  AUDIENCES_READ("audiences:read"),
  AUDIENCES_WRITE("audiences:write"),
  APPROVALS_READ("approvals:read"),
  APPROVALS_WRITE("approvals:write"),
  INCIDENTS_READ("incidents:read"),
  INCIDENTS_WRITE("incidents:write"),
  DIAGNOSIS_READ("diagnosis:read");

  private final String key;

  Scope(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The Spring Security authority, e.g. {@code SCOPE_users:read}. */
  public String authority() {
    return "SCOPE_" + key;
  }

  public static Scope parse(String key) {
    for (Scope s : values()) {
      if (s.key.equals(key == null ? null : key.strip())) {
        return s;
      }
    }
    throw new InvalidInputException("scopes", "unknown-scope", "unknown scope: " + key);
  }
}
