package dev.hikyaku.diagnose.headers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Tells which MTA wrote a Received field from the marks each leaves in it. */
final class MtaStyle {

  private MtaStyle() {}

  /**
   * The MTA that wrote a field: by its comments ({@code (Postfix)}, {@code (Exim 4.96)}, {@code
   * (8.17.1/8.17.1)}, {@code (qmail 123 invoked ...)}, {@code (Google Transport Security)}), its
   * {@code with} clause ({@code Microsoft SMTP Server}, {@code mapi}), its {@code by} host, or
   * qmail's {@code (HELO name)}.
   */
  static Mta detect(
      List<String> comments,
      List<String> leadingComments,
      Optional<String> by,
      Optional<String> with,
      List<String> fromComments) {
    for (String comment : comments) {
      Mta mta = fromComment(comment);
      if (mta != Mta.UNKNOWN) {
        return mta;
      }
    }
    String withText = with.orElse("").toLowerCase(Locale.ROOT);
    if (withText.startsWith("microsoft smtp") || withText.equals("mapi")) {
      return Mta.MICROSOFT;
    }
    String host = by.orElse("").toLowerCase(Locale.ROOT);
    if (host.endsWith(".google.com") || host.endsWith(".gmail.com")) {
      return Mta.GMAIL;
    }
    if (host.endsWith(".outlook.com") || host.endsWith(".office365.com")) {
      return Mta.MICROSOFT;
    }
    for (String comment : fromComments) {
      if (comment.startsWith("HELO ")) {
        return Mta.QMAIL;
      }
    }
    for (String comment : leadingComments) {
      if (comment.startsWith("from ")) {
        return Mta.SENDMAIL; // Sendmail's local submission: (from user@localhost) by host ...
      }
    }
    return Mta.UNKNOWN;
  }

  private static Mta fromComment(String comment) {
    if (comment.equals("Postfix") || comment.startsWith("Postfix,")) {
      return Mta.POSTFIX;
    }
    if (comment.startsWith("Exim ")) {
      return Mta.EXIM;
    }
    if (comment.startsWith("qmail ")) {
      return Mta.QMAIL;
    }
    if (comment.equals("Google Transport Security")) {
      return Mta.GMAIL;
    }
    return sendmailVersion(comment) ? Mta.SENDMAIL : Mta.UNKNOWN;
  }

  /** Sendmail's {@code (8.17.1/8.17.1)} or {@code (8.15.2/8.15.2/Submit)}: its and its cf's. */
  private static boolean sendmailVersion(String comment) {
    if (comment.length() < 5 || comment.length() > 60 || !comment.startsWith("8.")) {
      return false;
    }
    int slash = comment.indexOf('/');
    if (slash < 0) {
      return false;
    }
    for (int i = 0; i < slash; i++) {
      char c = comment.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.')) {
        return false;
      }
    }
    return comment.indexOf(' ') < 0;
  }
}
