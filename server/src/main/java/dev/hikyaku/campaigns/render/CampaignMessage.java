package dev.hikyaku.campaigns.render;

import dev.hikyaku.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that goes into one recipient's message, already personalised. There is exactly one
 * recipient, {@link #to()}: the type has no room for more, and {@link ExtraHeader} refuses Cc, Bcc
 * and the like. Build it with {@link #builder}.
 *
 * @param from the author
 * @param to the one recipient
 * @param replyTo where replies go, if not to {@code from}
 * @param subject the subject, flattened to one line
 * @param textBody the text/plain body
 * @param htmlBody the text/html body, if any; the message is then multipart/alternative
 * @param charset the charset of headers and bodies
 * @param messageId the Message-ID
 * @param listUnsubscribe List-Unsubscribe (RFC 2369, RFC 8058), if any
 * @param listId List-Id (RFC 2919), if any
 * @param extraHeaders further fields, in order
 * @param attachments files; the message is then multipart/mixed
 * @param boundarySeed the seed of the MIME boundaries, so equal input gives equal bytes
 */
public record CampaignMessage(
    Mailbox from,
    Mailbox to,
    Optional<Mailbox> replyTo,
    String subject,
    String textBody,
    Optional<String> htmlBody,
    MessageCharset charset,
    MessageId messageId,
    Optional<ListUnsubscribe> listUnsubscribe,
    Optional<ListId> listId,
    List<ExtraHeader> extraHeaders,
    List<Attachment> attachments,
    long boundarySeed) {

  public CampaignMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(textBody, "textBody");
    Objects.requireNonNull(htmlBody, "htmlBody");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(listUnsubscribe, "listUnsubscribe");
    Objects.requireNonNull(listId, "listId");
    subject = HeaderText.flatten(Objects.requireNonNull(subject, "subject"));
    extraHeaders = List.copyOf(extraHeaders);
    attachments = List.copyOf(attachments);
  }

  /**
   * A builder for the required parts. Defaults: no Reply-To, no HTML body, charset UTF-8, no
   * List-Unsubscribe or List-Id, no extra headers or attachments, boundary seed taken from the
   * Message-ID, and a text body derived from the HTML body by {@link HtmlToText} when only HTML is
   * given.
   */
  public static Builder builder(Mailbox from, Mailbox to, MessageId messageId) {
    return new Builder(from, to, messageId);
  }

  /** Collects the parts of a {@link CampaignMessage}; not thread-safe. */
  public static final class Builder {
    private final Mailbox from;
    private final Mailbox to;
    private final MessageId messageId;
    private Mailbox replyTo;
    private String subject = "";
    private String textBody;
    private String htmlBody;
    private MessageCharset charset = MessageCharset.UTF_8;
    private ListUnsubscribe listUnsubscribe;
    private ListId listId;
    private final List<ExtraHeader> extraHeaders = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private Long boundarySeed;

    private Builder(Mailbox from, Mailbox to, MessageId messageId) {
      this.from = Objects.requireNonNull(from, "from");
      this.to = Objects.requireNonNull(to, "to");
      this.messageId = Objects.requireNonNull(messageId, "messageId");
    }

    public Builder replyTo(Mailbox replyTo) {
      this.replyTo = replyTo;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
      return this;
    }

    public Builder textBody(String textBody) {
      this.textBody = textBody;
      return this;
    }

    public Builder htmlBody(String htmlBody) {
      this.htmlBody = htmlBody;
      return this;
    }

    public Builder charset(MessageCharset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    public Builder listUnsubscribe(ListUnsubscribe listUnsubscribe) {
      this.listUnsubscribe = listUnsubscribe;
      return this;
    }

    public Builder listId(ListId listId) {
      this.listId = listId;
      return this;
    }

    public Builder header(ExtraHeader header) {
      extraHeaders.add(Objects.requireNonNull(header, "header"));
      return this;
    }

    public Builder attachment(Attachment attachment) {
      attachments.add(Objects.requireNonNull(attachment, "attachment"));
      return this;
    }

    public Builder boundarySeed(long boundarySeed) {
      this.boundarySeed = boundarySeed;
      return this;
    }

    /**
     * The message.
     *
     * @throws InvalidInputException if there is neither a text nor an HTML body
     */
    public CampaignMessage build() {
      if (textBody == null && htmlBody == null) {
        throw new InvalidInputException("body", "required", "a message needs a text or HTML body");
      }
      String text = textBody != null ? textBody : HtmlToText.convert(htmlBody);
      long seed = boundarySeed != null ? boundarySeed : messageId.value().hashCode();
      return new CampaignMessage(
          from,
          to,
          Optional.ofNullable(replyTo),
          subject,
          text,
          Optional.ofNullable(htmlBody),
          charset,
          messageId,
          Optional.ofNullable(listUnsubscribe),
          Optional.ofNullable(listId),
          extraHeaders,
          attachments,
          seed);
    }
  }
}
