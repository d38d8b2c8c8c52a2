package dev.hikyaku.diagnose.logs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses Postfix log lines into typed events.
 *
 * <p>Lines may be classic syslog ({@code Nov 23 10:15:02 mx1 postfix/smtp[12345]: ...}) or carry an
 * RFC 3339 timestamp; the tag may name a multi-instance or per-service syslog name ({@code
 * postfix-out/smtp}, {@code postfix/submission/smtpd}). Any input gives an event or a skipped line,
 * never an exception, in time linear in its length.
 */
public final class PostfixLogParser {

  /** Lines longer than this (1 MiB) are skipped rather than parsed. */
  public static final int MAX_LINE_LENGTH = 1 << 20;

  private final LocalDate referenceDate;
  private final ZoneId zone;

  /**
   * A parser for logs written up to {@code referenceDate} (the day the log was last written, or
   * today) in {@code zone}. Classic syslog lines have neither year nor zone: each gets the latest
   * year that does not put it after the reference date (allowing a day for clock and zone
   * differences), which is right for any log spanning less than a year; and the zone's offset at
   * that time.
   */
  public PostfixLogParser(LocalDate referenceDate, ZoneId zone) {
    this.referenceDate = Objects.requireNonNull(referenceDate, "referenceDate");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** What {@code line} (without its line terminator) is. */
  public ParsedLine parse(String line) {
    Objects.requireNonNull(line, "line");
    if (line.length() > MAX_LINE_LENGTH) {
      return new ParsedLine.Skipped(ParsedLine.Reason.TOO_LONG);
    }
    String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    return SyslogParser.parse(trimmed, referenceDate, zone);
  }

  /**
   * The event a message (the text after {@code postfix/<program>[pid]: }) describes, as {@code
   * program} wrote it; an {@link PostfixEvent.Unrecognised} event if nothing fits.
   */
  public static PostfixEvent parseMessage(PostfixProgram program, String message) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(message, "message");
    try {
      return MessageParser.parse(program, message);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      // The parsers check before they build and the tests feed them hostile input, so this is a
      // missed case: one unreadable line must not end the analysis of a whole log.
      return new PostfixEvent.Unrecognised(Optional.empty(), message);
    }
  }
}
