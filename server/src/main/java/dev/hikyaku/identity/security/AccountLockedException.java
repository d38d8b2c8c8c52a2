package dev.hikyaku.identity.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused because the account is locked after repeated failures, until a given time. */
public class AccountLockedException extends LockedException {

  private final Instant until;

  public AccountLockedException(Instant until) {
    super("account locked until " + until);
    this.until = until;
  }

  public Instant until() {
    return until;
  }
}
