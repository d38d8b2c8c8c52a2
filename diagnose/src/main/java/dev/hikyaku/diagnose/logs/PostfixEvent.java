package dev.hikyaku.diagnose.logs;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Postfix log message says, as a typed value.
 *
 * <p>Events are grouped by what they are about: one queued message ({@link MessageEvent}), an SMTP
 * session ({@link SessionEvent}), postscreen's screening of a client ({@link ScreenEvent}), or a
 * daemon's own housekeeping ({@link ServiceEvent}). A warning or fatal error is a {@link
 * Diagnostic}; anything else still becomes an {@link Unrecognised} event with its text.
 */
public sealed interface PostfixEvent
    permits MessageEvent,
        SessionEvent,
        ScreenEvent,
        ServiceEvent,
        PostfixEvent.Diagnostic,
        PostfixEvent.Unrecognised {

  /** The queue ID the message is about, if it names one. */
  default Optional<QueueId> queueId() {
    return Optional.empty();
  }

  /** The severity Postfix gives a diagnostic ({@code msg_warn}, {@code msg_fatal}, ...). */
  enum Level {
    WARNING,
    ERROR,
    FATAL,
    PANIC;

    /** The prefix as logged, without its colon. */
    public String logName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A {@code warning:}, {@code error:}, {@code fatal:} or {@code panic:} message.
   *
   * @param level the severity
   * @param queueId the queue ID, when the text starts with one
   * @param text the text after the level (and queue ID)
   */
  record Diagnostic(Level level, Optional<QueueId> queueId, String text) implements PostfixEvent {
    public Diagnostic {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(queueId, "queueId");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A message this parser has no type for; it keeps the queue ID and the text so nothing is lost.
   *
   * @param queueId the queue ID, when the text starts with one
   * @param text the text after the queue ID
   */
  record Unrecognised(Optional<QueueId> queueId, String text) implements PostfixEvent {
    public Unrecognised {
      Objects.requireNonNull(queueId, "queueId");
      Objects.requireNonNull(text, "text");
    }
  }
}
