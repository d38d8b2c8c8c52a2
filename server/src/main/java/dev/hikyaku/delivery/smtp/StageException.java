package dev.hikyaku.delivery.smtp;

/**
 * A session step that ended without a reply to act on. Never leaves the package: every caller turns
 * it into an {@link Interruption} inside an outcome.
 */
final class StageException extends Exception {

  private final transient Interruption interruption;

  StageException(Interruption.Kind kind, SmtpStage stage, String detail, Throwable cause) {
    super(detail, cause);
    this.interruption = new Interruption(kind, stage, detail);
  }

  Interruption interruption() {
    return interruption;
  }
}
