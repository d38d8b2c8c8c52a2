package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.Excerpt;
import dev.hikyaku.diagnose.logs.Dsn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The human-readable side of a message — its Subject, From and plain text — with what the text
 * bounce recognisers share: finding lines, building entries and finding the returned header.
 *
 * @param subject the decoded Subject, or empty
 * @param from the From field as written, lower case, or empty
 * @param lines the text of the message's text/plain parts, line by line, bounded
 * @param attached the header of an attached message/rfc822 or text/rfc822-headers part
 * @param limits the parser's limits
 */
record TextBounce(
    String subject,
    String from,
    List<String> lines,
    Optional<OriginalMessage> attached,
    BounceLimits limits) {

  TextBounce {
    lines = List.copyOf(lines);
  }

  /** The text parts of {@code root}, within {@code limits}. */
  static TextBounce of(MimeNode root, Optional<OriginalMessage> attached, BounceLimits limits) {
    StringBuilder text = new StringBuilder();
    for (MimeNode node :
        root.find(n -> n.children().isEmpty() && n.mimeType().equals("text/plain"))) {
      int room = limits.maxTextChars() - text.length();
      if (room <= 0) {
        break;
      }
      text.append(node.text(room)).append('\n');
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.toString().split("\n", -1)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return new TextBounce(
        root.decodedHeader("Subject").map(String::strip).orElse(""),
        root.header("From").orElse("").toLowerCase(Locale.ROOT),
        lines,
        attached,
        limits);
  }

  /** The index of the first line at or after {@code from} containing {@code marker}, or -1. */
  int lineWith(String marker, int from) {
    for (int i = Math.max(0, from); i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the text says {@code phrase} (any case), even when a line break falls inside it, as
   * MTAs wrap their prose at different widths.
   */
  boolean mentions(String phrase) {
    StringBuilder flat = new StringBuilder();
    for (String line : lines) {
      flat.append(line.strip()).append(' ');
    }
    return flat.toString().toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT));
  }

  /**
   * The returned header: the attached one, else the header lines after the first line containing
   * one of {@code markers} (blank lines and {@code ---} lines after the marker skipped).
   */
  Optional<OriginalMessage> original(String... markers) {
    if (attached.isPresent()) {
      return attached;
    }
    for (String marker : markers) {
      int at = lineWith(marker, 0);
      if (at < 0) {
        continue;
      }
      int first = at + 1;
      while (first < lines.size()
          && (lines.get(first).isBlank() || lines.get(first).startsWith("---"))) {
        first++;
      }
      String rest = String.join("\r\n", lines.subList(first, lines.size()));
      return OriginalMessage.read(
          rest.getBytes(StandardCharsets.UTF_8), limits.maxOriginalHeaderBytes());
    }
    return Optional.empty();
  }

  /** The entry for one recipient of a text bounce; empty, noted, when the address is unreadable. */
  Optional<RecipientStatus> entry(
      String rawAddress, DsnAction action, String diagnostic, Problems problems) {
    Optional<TypedValue> recipient = address(rawAddress).flatMap(a -> TypedValue.of("rfc822", a));
    if (recipient.isEmpty()) {
      problems.add("unreadable recipient in a text bounce: " + Excerpt.of(rawAddress, 80));
      return Optional.empty();
    }
    String text = diagnostic.strip();
    Optional<Dsn> status = SmtpText.enhancedStatus(text);
    Optional<DiagnosticCode> code =
        text.isEmpty()
            ? Optional.empty()
            : Optional.of(DiagnosticCode.ofText(SmtpText.fromReply(text)));
    return Optional.of(
        new RecipientStatus(
            recipient.get(),
            Optional.empty(),
            action,
            status,
            code,
            Optional.empty(),
            Optional.empty(),
            BounceClassifier.classify(action, status, text)));
  }

  /** A report of {@code entries}, at most the recipient limit; empty when there are none. */
  Optional<DeliveryStatusReport> report(
      BounceFormat format,
      List<RecipientStatus> entries,
      Optional<TypedValue> reportingMta,
      Optional<OriginalMessage> original,
      Problems problems) {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    List<RecipientStatus> kept = entries;
    if (entries.size() > limits.maxRecipients()) {
      problems.add(
          (entries.size() - limits.maxRecipients())
              + " more recipients not read (limit "
              + limits.maxRecipients()
              + ")");
      kept = entries.subList(0, limits.maxRecipients());
    }
    return Optional.of(
        new DeliveryStatusReport(
            format, reportingMta, Optional.empty(), kept, original, problems.list()));
  }

  /**
   * The address in {@code text}: the part in angle brackets if there are any, else the first word;
   * it must hold an '@' and no space.
   */
  static Optional<String> address(String text) {
    String t = text.strip();
    int open = t.indexOf('<');
    int close = open >= 0 ? t.indexOf('>', open) : -1;
    if (open >= 0 && close > open) {
      t = t.substring(open + 1, close).strip();
    } else {
      int space = indexOfSpace(t);
      t = space < 0 ? t : t.substring(0, space);
      if (t.endsWith(":")) {
        t = t.substring(0, t.length() - 1);
      }
    }
    int at = t.lastIndexOf('@');
    if (at <= 0 || at == t.length() - 1 || indexOfSpace(t) >= 0 || t.length() > 320) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  private static int indexOfSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
