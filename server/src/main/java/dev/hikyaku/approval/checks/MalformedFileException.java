package dev.hikyaku.approval.checks;

/** A file that does not follow the format its signature claims; reported as damaged. */
final class MalformedFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedFileException(String message) {
    super(message);
  }

  MalformedFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
