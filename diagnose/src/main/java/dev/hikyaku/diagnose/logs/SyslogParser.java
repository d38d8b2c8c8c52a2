package dev.hikyaku.diagnose.logs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the syslog part of a line in the classic BSD form ({@code Nov 23 10:15:02 host tag: msg},
 * RFC 3164 §4.1.2) or with an RFC 3339 timestamp ({@code 2026-11-23T10:15:02.123+09:00 host tag:
 * msg}, as rsyslog's high-precision format and {@code journalctl -o short-iso} write it).
 */
final class SyslogParser {

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  private static final int MAX_TAG_LENGTH = 200;

  /** A timestamp and where the text after it starts. */
  private record Stamp(OffsetDateTime time, int end) {}

  private SyslogParser() {}

  /** The line's header and message, or why it is not a Postfix line. */
  static ParsedLine parse(String line, LocalDate reference, ZoneId zone) {
    Stamp stamp =
        !line.isEmpty() && TextCursor.isDigit(line.charAt(0))
            ? rfc3339(line)
            : classic(line, reference, zone);
    if (stamp == null) {
      return new ParsedLine.Skipped(ParsedLine.Reason.NOT_SYSLOG);
    }
    TextCursor cursor = new TextCursor(line, stamp.end());
    if (!cursor.skip(" ")) {
      return new ParsedLine.Skipped(ParsedLine.Reason.NOT_SYSLOG);
    }
    String host = cursor.word();
    int tagStart = cursor.position() + 1;
    int tagEnd = tagStart;
    while (tagEnd < line.length() && tagEnd - tagStart < MAX_TAG_LENGTH) {
      char c = line.charAt(tagEnd);
      if (c == ':' || c == ' ') {
        break;
      }
      tagEnd++;
    }
    if (host.isEmpty()
        || !cursor.skip(" ")
        || tagEnd >= line.length()
        || tagEnd == tagStart
        || line.charAt(tagEnd) != ':') {
      return new ParsedLine.Skipped(ParsedLine.Reason.NOT_SYSLOG);
    }
    String tag = line.substring(tagStart, tagEnd);
    OptionalLong pid = OptionalLong.empty();
    int open = tag.lastIndexOf('[');
    if (open > 0 && tag.endsWith("]")) {
      pid = QueueParser.number(Optional.of(tag.substring(open + 1, tag.length() - 1)));
      tag = tag.substring(0, open);
    }
    int slash = tag.lastIndexOf('/');
    if (slash <= 0 || slash == tag.length() - 1) {
      return new ParsedLine.Skipped(ParsedLine.Reason.NOT_POSTFIX);
    }
    String syslogName = tag.substring(0, slash);
    String processName = tag.substring(slash + 1);
    PostfixProgram program = PostfixProgram.fromLog(processName);
    if (program == PostfixProgram.OTHER && !syslogName.startsWith("postfix")) {
      return new ParsedLine.Skipped(ParsedLine.Reason.NOT_POSTFIX);
    }
    int messageStart = line.startsWith(": ", tagEnd) ? tagEnd + 2 : tagEnd + 1;
    SyslogHeader header =
        new SyslogHeader(stamp.time(), host, syslogName, processName, program, pid);
    String message = line.substring(messageStart);
    return new ParsedLine.Entry(header, PostfixLogParser.parseMessage(program, message), message);
  }

  /**
   * {@code Nov 23 10:15:02} (the day may be space-padded, the seconds may have a fraction). The
   * year is the latest one that does not put the date more than a day after {@code reference}, so a
   * log read on 2 January keeps its December lines in the year before.
   */
  private static Stamp classic(String line, LocalDate reference, ZoneId zone) {
    if (line.length() < 15 || line.charAt(3) != ' ') {
      return null;
    }
    int monthIndex = MONTHS.indexOf(line.substring(0, 3));
    if (monthIndex < 0 || monthIndex % 3 != 0) {
      return null;
    }
    int month = monthIndex / 3 + 1;
    int dayStart = line.charAt(4) == ' ' ? 5 : 4;
    int dayEnd = dayStart;
    while (dayEnd < line.length()
        && dayEnd - dayStart < 2
        && TextCursor.isDigit(line.charAt(dayEnd))) {
      dayEnd++;
    }
    if (dayEnd == dayStart || dayEnd >= line.length() || line.charAt(dayEnd) != ' ') {
      return null;
    }
    int day = Integer.parseInt(line, dayStart, dayEnd, 10);
    int[] time = clock(line, dayEnd + 1);
    if (time == null || day < 1 || day > 31) {
      return null;
    }
    LocalDate latest = reference.plusDays(1);
    int year = latest.getYear();
    // Going back at most eight years finds a leap year for 29 February.
    for (int tries = 0; tries < 8; tries++, year--) {
      if (YearMonth.of(year, month).isValidDay(day)
          && !LocalDate.of(year, month, day).isAfter(latest)) {
        LocalDateTime local =
            LocalDateTime.of(year, month, day, time[0], time[1], time[2], time[3]);
        return new Stamp(local.atZone(zone).toOffsetDateTime(), time[4]);
      }
    }
    return null;
  }

  /** {@code 2026-11-23T10:15:02[.123456](Z|+09:00|+0900)}. */
  private static Stamp rfc3339(String line) {
    if (line.length() < 20
        || line.charAt(4) != '-'
        || line.charAt(7) != '-'
        || line.charAt(10) != 'T') {
      return null;
    }
    int year = digits(line, 0, 4);
    int month = digits(line, 5, 7);
    int day = digits(line, 8, 10);
    int[] time = clock(line, 11);
    if (year < 1
        || month < 1
        || month > 12
        || time == null
        || day < 1
        || !YearMonth.of(year, month).isValidDay(day)) {
      return null;
    }
    int at = time[4];
    ZoneOffset offset;
    if (at < line.length() && line.charAt(at) == 'Z') {
      offset = ZoneOffset.UTC;
      at++;
    } else if (at < line.length() && (line.charAt(at) == '+' || line.charAt(at) == '-')) {
      int sign = line.charAt(at) == '-' ? -1 : 1;
      int hours = digits(line, at + 1, at + 3);
      boolean colon = at + 3 < line.length() && line.charAt(at + 3) == ':';
      int minutes = digits(line, at + (colon ? 4 : 3), at + (colon ? 6 : 5));
      if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
        return null;
      }
      offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      at += colon ? 6 : 5;
    } else {
      return null;
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, time[0], time[1], time[2], time[3]);
    return new Stamp(OffsetDateTime.of(local, offset), at);
  }

  /** {@code HH:MM:SS[.fraction]} at {@code start}: hour, minute, second, nanos, end; or null. */
  private static int[] clock(String line, int start) {
    int hour = digits(line, start, start + 2);
    int minute = digits(line, start + 3, start + 5);
    int second = digits(line, start + 6, start + 8);
    if (hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || line.charAt(start + 2) != ':'
        || line.charAt(start + 5) != ':') {
      return null;
    }
    int end = start + 8;
    int nanos = 0;
    if (end < line.length() && line.charAt(end) == '.') {
      int digitsEnd = end + 1;
      while (digitsEnd < line.length() && TextCursor.isDigit(line.charAt(digitsEnd))) {
        digitsEnd++;
      }
      if (digitsEnd == end + 1 || digitsEnd - end - 1 > 9) {
        return null;
      }
      nanos = digits(line, end + 1, digitsEnd);
      for (int i = digitsEnd - end - 1; i < 9; i++) {
        nanos *= 10;
      }
      end = digitsEnd;
    }
    return new int[] {hour, minute, second, nanos, end};
  }

  /** The decimal number in {@code line[from, to)}, or -1 if that is not all digits. */
  private static int digits(String line, int from, int to) {
    if (to > line.length() || from >= to) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      if (!TextCursor.isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
