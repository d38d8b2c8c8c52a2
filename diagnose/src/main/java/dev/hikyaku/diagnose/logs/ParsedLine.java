package dev.hikyaku.diagnose.logs;

import java.util.Objects;

/** What the parser made of one log line: a Postfix event, or the reason it was skipped. */
public sealed interface ParsedLine permits ParsedLine.Entry, ParsedLine.Skipped {

  /**
   * A Postfix log line.
   *
   * @param header the syslog part
   * @param event what the message says
   * @param message the message as logged, after the tag
   */
  record Entry(SyslogHeader header, PostfixEvent event, String message) implements ParsedLine {
    public Entry {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * A line that is not a Postfix log line.
   *
   * @param reason why
   */
  record Skipped(Reason reason) implements ParsedLine {
    public Skipped {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a line was skipped. */
  enum Reason {
    /** No syslog timestamp, host and tag: garbage, a truncated line, another format. */
    NOT_SYSLOG,
    /** A syslog line from some other program. */
    NOT_POSTFIX,
    /** Longer than {@link PostfixLogParser#MAX_LINE_LENGTH}. */
    TOO_LONG
  }
}
