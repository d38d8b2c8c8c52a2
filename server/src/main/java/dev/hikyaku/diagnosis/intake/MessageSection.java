package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Objects;

/**
 * What the analyzers found in the attached message (pasted headers or an .eml): its path, the
 * authentication verdicts recorded on the way, spam verdicts, the delivery report if it is a
 * bounce, and the charsets of its parts. Text is kept as the analyzers gave it; times are ISO 8601.
 *
 * @param present whether a message was attached at all
 * @param source {@code pasted} or the uploaded file's name
 * @param subject the decoded Subject
 * @param from the From field as written
 * @param messageId the Message-ID as written
 * @param date the Date field as read, ISO 8601, or ""
 * @param hops the Received hops in transit order
 * @param transitSeconds the time from the first to the last hop, or -1 when unknown
 * @param firstExternalHop the number of the first hop outside the sender's organisation, or 0
 * @param authentication the recorded Authentication-Results verdicts, top field first
 * @param spam the spam filters' verdicts
 * @param bounce the delivery report's recipients, if the message is a bounce
 * @param parts the MIME leaf parts with their declared and detected charsets
 * @param headerBlock the header block, cut to {@link #MAX_HEADER_BLOCK} characters
 */
public record MessageSection(
    boolean present,
    String source,
    String subject,
    String from,
    String messageId,
    String date,
    List<HopRow> hops,
    long transitSeconds,
    int firstExternalHop,
    List<AuthRow> authentication,
    List<SpamRow> spam,
    List<BounceRow> bounce,
    List<PartRow> parts,
    String headerBlock) {

  /** The longest header block kept in a report. */
  public static final int MAX_HEADER_BLOCK = 64 * 1024;

  /** No message was attached. */
  public static final MessageSection NONE =
      new MessageSection(
          false, "", "", "", "", "", List.of(), -1, 0, List.of(), List.of(), List.of(), List.of(),
          "");

  public MessageSection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(date, "date");
    hops = List.copyOf(hops);
    authentication = List.copyOf(authentication);
    spam = List.copyOf(spam);
    bounce = List.copyOf(bounce);
    parts = List.copyOf(parts);
    Objects.requireNonNull(headerBlock, "headerBlock");
  }

  /** One Received hop; {@code delaySeconds} is -1 when it has no delay. */
  public record HopRow(
      int number,
      String from,
      String by,
      String with,
      String tls,
      String time,
      long delaySeconds,
      boolean clockSkew,
      boolean internetPath) {

    HopRow map(TextMapper f) {
      return new HopRow(
          number,
          f.apply(from),
          f.apply(by),
          with,
          tls,
          time,
          delaySeconds,
          clockSkew,
          internetPath);
    }
  }

  /** One recorded verdict: who wrote it, for which method, with what result. */
  public record AuthRow(String authservId, String method, String result, String reason) {
    AuthRow map(TextMapper f) {
      return new AuthRow(f.apply(authservId), method, result, f.apply(reason));
    }
  }

  /** One spam filter's verdict, explained. */
  public record SpamRow(String filter, boolean spam, String explanation) {
    SpamRow map(TextMapper f) {
      return new SpamRow(filter, spam, f.apply(explanation));
    }
  }

  /** One recipient of a delivery report (RFC 3464 §2.3). */
  public record BounceRow(
      String recipient,
      String action,
      String status,
      String diagnostic,
      String remoteMta,
      String bounceClass) {
    BounceRow map(TextMapper f) {
      return new BounceRow(
          f.apply(recipient), action, status, f.apply(diagnostic), f.apply(remoteMta), bounceClass);
    }
  }

  /** One MIME leaf part: what it declares and what its bytes are. */
  public record PartRow(
      String where,
      String contentType,
      String declaredCharset,
      String detectedCharset,
      String transferEncoding) {}

  /** The same section with another header block. */
  MessageSection withHeaderBlock(String block) {
    return new MessageSection(
        present,
        source,
        subject,
        from,
        messageId,
        date,
        hops,
        transitSeconds,
        firstExternalHop,
        authentication,
        spam,
        bounce,
        parts,
        block);
  }

  /** The same section with every free text passed through {@code f} (redaction). */
  MessageSection map(TextMapper f) {
    return new MessageSection(
        present,
        f.apply(source),
        f.apply(subject),
        f.apply(from),
        f.messageId(messageId),
        date,
        hops.stream().map(h -> h.map(f)).toList(),
        transitSeconds,
        firstExternalHop,
        authentication.stream().map(a -> a.map(f)).toList(),
        spam.stream().map(s -> s.map(f)).toList(),
        bounce.stream().map(b -> b.map(f)).toList(),
        parts,
        f.apply(headerBlock));
  }
}
