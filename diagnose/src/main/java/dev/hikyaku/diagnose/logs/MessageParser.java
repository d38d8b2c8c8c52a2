package dev.hikyaku.diagnose.logs;

import java.util.Optional;

/**
 * Turns the message part of a Postfix log line (after {@code postfix/smtp[123]: }) into an event,
 * by the program that wrote it.
 */
final class MessageParser {

  private static final String NOQUEUE = "NOQUEUE";

  private MessageParser() {}

  /** The event {@code text} describes; {@link PostfixEvent.Unrecognised} if nothing fits. */
  static PostfixEvent parse(PostfixProgram program, String text) {
    for (PostfixEvent.Level level : PostfixEvent.Level.values()) {
      String prefix = level.logName() + ": ";
      if (text.startsWith(prefix)) {
        return diagnostic(program, level, text.substring(prefix.length()));
      }
    }
    Optional<QueueId> queueId = Optional.empty();
    boolean noQueue = false;
    String rest = text;
    int colon = queuePrefixEnd(text);
    if (colon > 0) {
      String token = text.substring(0, colon);
      noQueue = token.equals(NOQUEUE);
      queueId = QueueId.parse(token);
      if (noQueue || queueId.isPresent()) {
        rest = text.substring(colon + 2);
      }
    }
    PostfixEvent event = byProgram(program, queueId, noQueue, rest);
    return event != null ? event : new PostfixEvent.Unrecognised(queueId, rest);
  }

  private static PostfixEvent byProgram(
      PostfixProgram program, Optional<QueueId> queueId, boolean noQueue, String text) {
    return switch (program) {
      case SMTPD -> SmtpdParser.parse(queueId, noQueue, text);
      case SMTP, LMTP -> SmtpParser.parse(queueId, text);
      case LOCAL, VIRTUAL, PIPE, ERROR, DISCARD -> delivery(queueId, text);
      case QMGR, OQMGR -> QueueParser.qmgr(queueId, text);
      case POSTSUPER -> QueueParser.postsuper(queueId, text);
      case BOUNCE -> QueueParser.bounce(queueId, text);
      case PICKUP -> QueueParser.pickup(queueId, text);
      case CLEANUP -> CleanupParser.parse(queueId, text);
      case POSTSCREEN -> ScreenParser.postscreen(queueId, noQueue, text);
      case TLSPROXY -> tlsproxy(text);
      case DNSBLOG -> ScreenParser.dnsblog(text);
      case VERIFY -> ScreenParser.cacheCleanup(text);
      case MASTER -> ServiceParser.master(text);
      case ANVIL -> ServiceParser.anvil(text);
      case SCACHE -> ServiceParser.scache(text);
      // Custom syslog names hide the program; a delivery line still says what it is.
      case OTHER -> delivery(queueId, text);
      default -> null;
    };
  }

  private static PostfixEvent delivery(Optional<QueueId> queueId, String text) {
    return queueId.isPresent() ? DeliveryParser.parse(queueId.get(), text) : null;
  }

  private static PostfixEvent tlsproxy(String text) {
    PostfixEvent connection = ScreenParser.connection(text);
    return connection != null ? connection : TlsParser.parse(text);
  }

  private static PostfixEvent diagnostic(
      PostfixProgram program, PostfixEvent.Level level, String text) {
    if (program == PostfixProgram.SMTPD) {
      SessionEvent.SaslFailed failed = SmtpdParser.saslFailed(text);
      if (failed != null) {
        return failed;
      }
    }
    int colon = queuePrefixEnd(text);
    Optional<QueueId> queueId =
        colon > 0 ? QueueId.parse(text.substring(0, colon)) : Optional.empty();
    return new PostfixEvent.Diagnostic(
        level, queueId, queueId.isPresent() ? text.substring(colon + 2) : text);
  }

  /** Where a leading {@code QUEUEID: } (or {@code NOQUEUE: }) ends, at its colon; or -1. */
  private static int queuePrefixEnd(String text) {
    int limit = Math.min(text.length() - 1, QueueId.MAX_LENGTH + 1);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return text.charAt(i + 1) == ' ' ? i : -1;
      }
      if (!Character.isLetterOrDigit(c)) {
        return -1;
      }
    }
    return -1;
  }
}
