package dev.hikyaku.campaigns.render;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Composes one recipient's {@link CampaignMessage} into the bytes of an RFC 5322 message: text only
 * as a single part, text and HTML as multipart/alternative, with attachments multipart/mixed around
 * that. The output is deterministic for equal input and clock, because it is DKIM-signed next.
 * Immutable and thread-safe.
 *
 * <p>Header fields, in order: Date (from the clock, in its zone), From, Reply-To, To, Subject,
 * Message-ID, List-Id, List-Unsubscribe, List-Unsubscribe-Post, the extra headers, MIME-Version,
 * Content-Type, Content-Transfer-Encoding. Never Cc or Bcc.
 */
public final class MessageComposer {

  // RFC 5322 §3.3 date-time, with a numeric zone (RFC_1123_DATE_TIME would write "GMT").
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ENGLISH);

  private final Clock clock;

  /** A composer whose Date fields come from {@code clock}, in the clock's zone. */
  public MessageComposer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The characters of {@code message} its charset cannot hold, each with where it is; empty when
   * the message can be composed. Run it before sending to raise a pre-send finding.
   */
  public List<CharsetProblem> check(CampaignMessage message) {
    return CharsetCheck.problems(Objects.requireNonNull(message, "message"));
  }

  /** The message's bytes, or the problems of {@link #check} when there are any. */
  public Composition compose(CampaignMessage message) {
    List<CharsetProblem> problems = check(message);
    if (!problems.isEmpty()) {
      return new Composition.Unencodable(problems);
    }
    MimePart content = content(message);
    StringBuilder headers = new StringBuilder(1024);
    HeaderFields fields = new HeaderFields(headers, message.charset());
    fields.raw("Date", DATE.format(ZonedDateTime.ofInstant(clock.instant(), clock.getZone())));
    fields.mailbox("From", message.from());
    message.replyTo().ifPresent(replyTo -> fields.mailbox("Reply-To", replyTo));
    fields.mailbox("To", message.to());
    fields.unstructured("Subject", message.subject());
    fields.raw("Message-ID", message.messageId().value());
    message.listId().ifPresent(fields::listId);
    message.listUnsubscribe().ifPresent(unsubscribe -> listUnsubscribe(headers, unsubscribe));
    for (ExtraHeader header : message.extraHeaders()) {
      fields.unstructured(header.name(), header.value());
    }
    fields.raw("MIME-Version", "1.0");
    headers.append(content.headers()).append("\r\n");
    return new Composition.Composed(new ComposedMessage(join(headers, content)));
  }

  private static MimePart content(CampaignMessage message) {
    MessageCharset charset = message.charset();
    MimePart text = TextPart.of(message.textBody(), "plain", charset);
    MimePart body =
        message
            .htmlBody()
            .map(html ->
                Multipart.of(
                    "alternative",
                    message.boundarySeed(),
                    1,
                    List.of(text, TextPart.of(html, "html", charset))))
            .orElse(text);
    if (message.attachments().isEmpty()) {
      return body;
    }
    List<MimePart> parts = new ArrayList<>(message.attachments().size() + 1);
    parts.add(body);
    for (Attachment attachment : message.attachments()) {
      parts.add(AttachmentPart.of(attachment, charset));
    }
    return Multipart.of("mixed", message.boundarySeed(), 0, parts);
  }

  /** RFC 2369 §3.2 with the RFC 8058 §3.1 one-click companion field. */
  private static void listUnsubscribe(StringBuilder headers, ListUnsubscribe unsubscribe) {
    HeaderLine line = new HeaderLine(headers, "List-Unsubscribe");
    List<String> targets = new ArrayList<>(2);
    unsubscribe.https().ifPresent(uri -> targets.add("<" + uri.toASCIIString() + ">"));
    unsubscribe.mailto().ifPresent(uri -> targets.add("<" + uri.toASCIIString() + ">"));
    for (int i = 0; i < targets.size(); i++) {
      line.word(targets.get(i) + (i < targets.size() - 1 ? "," : ""));
    }
    line.end();
    if (unsubscribe.oneClick()) {
      new HeaderLine(headers, "List-Unsubscribe-Post").word("List-Unsubscribe=One-Click").end();
    }
  }

  /** The headers and the body pieces in one array, allocated once at its final size. */
  private static byte[] join(StringBuilder headers, MimePart content) {
    byte[] head = headers.toString().getBytes(StandardCharsets.US_ASCII);
    long size = head.length + content.bodySize();
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("message larger than 2 GiB");
    }
    byte[] message = new byte[(int) size];
    System.arraycopy(head, 0, message, 0, head.length);
    int at = head.length;
    for (MimePart.Piece piece : content.body()) {
      System.arraycopy(piece.bytes(), 0, message, at, piece.bytes().length);
      at += piece.bytes().length;
    }
    return message;
  }
}
