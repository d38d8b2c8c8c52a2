package dev.hikyaku.delivery.smtp;

/** Ends the opening of a session with a typed failure; never leaves the package. */
final class SessionSetupException extends Exception {

  private final transient SessionFailure failure;

  SessionSetupException(SessionFailure failure) {
    super(failure.toString(), null, false, false);
    this.failure = failure;
  }

  SessionFailure failure() {
    return failure;
  }
}
