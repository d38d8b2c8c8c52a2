package dev.hikyaku.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * The person behind a console session or API token, as the security context holds them.
 *
 * @param sessionEpoch the account's epoch when the session began; a newer epoch in the database
 *     (account disabled, access reset) ends the session
 */
public record SignedInUser(
    long id, String username, String displayName, Set<Role> roles, int sessionEpoch)
    implements Serializable {

  public SignedInUser {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
