package dev.hikyaku.identity.users;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.SignedInUser;
import java.time.Instant;
import java.util.Set;

/** A personal account as stored. Secrets stay sealed or hashed here. */
public record User(
    long id,
    String username,
    String displayName,
    String email,
    String passwordHash,
    boolean enabled,
    String totpSecretSealed,
    long totpLastStep,
    Instant mfaEnrolledAt,
    int failedLogins,
    Instant lockedUntil,
    int sessionEpoch,
    Set<Role> roles,
    Instant createdAt) {

  public boolean mfaEnrolled() {
    return mfaEnrolledAt != null && totpSecretSealed != null;
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public boolean hasPassword() {
    return passwordHash != null;
  }

  public SignedInUser signedIn() {
    return new SignedInUser(id, username, displayName, roles, sessionEpoch);
  }

  /** A one-line summary for the operation log's before/after columns. */
  public String summary() {
    return "name="
        + displayName
        + " email="
        + (email == null ? "" : email)
        + " roles="
        + roles.stream().map(Enum::name).sorted().toList()
        + " enabled="
        + enabled;
  }
}
