package dev.hikyaku.diagnose.logs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Postfix program that wrote a log line: the last part of the syslog tag, as in {@code smtpd}
 * of {@code postfix/submission/smtpd[1234]}.
 */
public enum PostfixProgram {
  ANVIL,
  BOUNCE,
  CLEANUP,
  DISCARD,
  DNSBLOG,
  ERROR,
  FLUSH,
  LMTP,
  LOCAL,
  MASTER,
  OQMGR,
  PICKUP,
  PIPE,
  POSTALIAS,
  POSTCONF,
  POSTDROP,
  POSTFIX,
  POSTFIX_SCRIPT,
  POSTKICK,
  POSTLOG,
  POSTMAP,
  POSTQUEUE,
  POSTSCREEN,
  POSTSUPER,
  PROXYMAP,
  QMGR,
  QMQPD,
  SCACHE,
  SENDMAIL,
  SHOWQ,
  SMTP,
  SMTPD,
  SPAWN,
  TLSMGR,
  TLSPROXY,
  TRIVIAL_REWRITE,
  VERIFY,
  VIRTUAL,
  /** A name Postfix does not ship, such as a custom {@code syslog_name} without a program. */
  OTHER;

  private static final Map<String, PostfixProgram> BY_LOG_NAME = new HashMap<>();

  static {
    for (PostfixProgram program : values()) {
      if (program != OTHER) {
        BY_LOG_NAME.put(program.logName(), program);
      }
    }
  }

  /** The name as logged ({@code trivial-rewrite}, {@code postfix-script}). */
  public String logName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The program a logged name stands for, or {@link #OTHER}. */
  public static PostfixProgram fromLog(String name) {
    return BY_LOG_NAME.getOrDefault(name, OTHER);
  }
}
