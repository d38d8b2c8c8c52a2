package dev.hikyaku.delivery.smtp;

import java.util.Objects;

/** The result of {@link SmtpClient#open}: a ready session or why there is none. */
public sealed interface SessionOpening {

  /** The session is ready for transactions; the caller closes it. */
  record Opened(SmtpSession session) implements SessionOpening {
    public Opened {
      Objects.requireNonNull(session, "session");
    }
  }

  /** No session; the connection, if any, is closed. */
  record Failed(SessionFailure failure) implements SessionOpening {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
