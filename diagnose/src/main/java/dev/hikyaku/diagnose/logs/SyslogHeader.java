package dev.hikyaku.diagnose.logs;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The syslog part of a log line: when, on which host, and which Postfix process wrote it.
 *
 * @param timestamp when, with the offset logged (RFC 3339) or the zone the caller gave (classic
 *     syslog, which has neither year nor zone)
 * @param host the host name syslog recorded
 * @param syslogName the tag before the program: {@code postfix}, {@code postfix-out}, or {@code
 *     postfix/submission} for {@code postfix/submission/smtpd}
 * @param processName the program's name as logged ({@code smtpd})
 * @param program the program
 * @param pid the process ID, if logged
 */
public record SyslogHeader(
    OffsetDateTime timestamp,
    String host,
    String syslogName,
    String processName,
    PostfixProgram program,
    OptionalLong pid) {

  public SyslogHeader {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(syslogName, "syslogName");
    Objects.requireNonNull(processName, "processName");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(pid, "pid");
  }
}
