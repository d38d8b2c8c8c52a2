package dev.hikyaku.diagnose.bounce;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells an automatic answer (vacation, out of office) by its header fields, then by its subject.
 * Run after bounce detection: delivery reports carry {@code Auto-Submitted} too (RFC 3834 §5).
 */
final class AutoReplyDetector {

  /** Subject prefixes of common out-of-office answers, compared in lower case. */
  private static final List<String> SUBJECT_PREFIXES =
      List.of(
          "automatic reply:",
          "auto reply:",
          "autoreply:",
          "auto-reply:",
          "auto:",
          "out of office:",
          "out of office reply",
          "vacation reply",
          "réponse automatique",
          "abwesenheitsnotiz");

  /** Japanese subjects carry the marker anywhere, often in brackets such as 【自動応答】. */
  private static final List<String> SUBJECT_WORDS =
      List.of("自動応答", "自動返信", "自動送信", "不在通知", "不在のお知らせ", "休暇のお知らせ");

  private AutoReplyDetector() {}

  /** The auto-reply {@code root} is, or empty. */
  static Optional<AutoReply> detect(MimeNode root) {
    Optional<String> subject = root.decodedHeader("Subject").map(String::strip);
    Optional<String> from = root.header("From");
    return signal(root, subject.orElse("")).map(signal -> new AutoReply(signal, subject, from));
  }

  private static Optional<String> signal(MimeNode root, String subject) {
    // RFC 3834 §5.1: any value but "no" marks an automatic message.
    Optional<String> autoSubmitted = root.header("Auto-Submitted").map(AutoReplyDetector::token);
    if (autoSubmitted.isPresent() && !autoSubmitted.get().equals("no")) {
      return Optional.of("Auto-Submitted: " + autoSubmitted.get());
    }
    for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
      Optional<String> value = root.header(name).map(AutoReplyDetector::token);
      if (value.isPresent() && !List.of("no", "false", "0").contains(value.get())) {
        return Optional.of(name);
      }
    }
    if (root.header("Precedence")
        .map(AutoReplyDetector::token)
        .filter("auto_reply"::equals)
        .isPresent()) {
      return Optional.of("Precedence: auto_reply");
    }
    String lower = subject.toLowerCase(Locale.ROOT);
    for (String prefix : SUBJECT_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return Optional.of("subject: " + prefix);
      }
    }
    for (String word : SUBJECT_WORDS) {
      if (subject.contains(word)) {
        return Optional.of("subject: " + word);
      }
    }
    return Optional.empty();
  }

  /** The first word of a field value, lower case, without a trailing comment or parameters. */
  private static String token(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < v.length()
        && (Character.isLetterOrDigit(v.charAt(end))
            || v.charAt(end) == '-'
            || v.charAt(end) == '_')) {
      end++;
    }
    return v.substring(0, end);
  }
}
