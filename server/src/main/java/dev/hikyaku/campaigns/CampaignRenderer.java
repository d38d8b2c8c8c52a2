package dev.hikyaku.campaigns;

import dev.hikyaku.campaigns.render.CampaignMessage;
import dev.hikyaku.campaigns.render.CampaignTemplates;
import dev.hikyaku.campaigns.render.CharsetProblem;
import dev.hikyaku.campaigns.render.Composition;
import dev.hikyaku.campaigns.render.ExtraHeader;
import dev.hikyaku.campaigns.render.ListId;
import dev.hikyaku.campaigns.render.ListUnsubscribe;
import dev.hikyaku.campaigns.render.Mailbox;
import dev.hikyaku.campaigns.render.MessageCharset;
import dev.hikyaku.campaigns.render.MessageComposer;
import dev.hikyaku.campaigns.render.MessageId;
import dev.hikyaku.campaigns.render.PersonalisedContent;
import dev.hikyaku.campaigns.render.RenderContext;
import dev.hikyaku.campaigns.render.Template;
import dev.hikyaku.campaigns.render.TemplateParse;
import dev.hikyaku.identity.IdentityProperties;
import dev.hikyaku.shared.EmailAddress;
import dev.hikyaku.shared.InvalidInputException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Turns a campaign and one recipient into the message for that recipient: templates personalised
 * with safe escaping, the unsubscribe footer, List-Unsubscribe (one-click over HTTPS, RFC 8058,
 * plus mailto), List-Id, a Message-ID on the sending domain, To holding that one person only, in
 * the campaign's charset. Signing and the envelope are the send source's part.
 */
@Component
class CampaignRenderer {

  /** One recipient's message before signing, and what the author should know about it. */
  record Draft(
      CampaignMessage message,
      PersonalisedContent content,
      Composition composition,
      List<CharsetProblem> charsetProblems) {}

  private record Parsed(
      int version,
      CampaignTemplates templates,
      List<dev.hikyaku.campaigns.render.Attachment> attachments) {}

  private final MessageComposer composer;
  private final IdentityProperties identity;
  private final Map<Long, Parsed> parsed = new ConcurrentHashMap<>();

  private final AttachmentRepository files;

  CampaignRenderer(Clock clock, IdentityProperties identity, AttachmentRepository files) {
    this.composer = new MessageComposer(clock);
    this.identity = identity;
    this.files = files;
  }

  /** The campaign's templates parsed, or the errors with their line and column. */
  static CampaignTemplates parse(CampaignContent c) {
    Template subject = parseOne("subject", c.subject(), RenderContext.HEADER);
    Optional<Template> text =
        c.bodyText().isBlank()
            ? Optional.empty()
            : Optional.of(parseOne("bodyText", c.bodyText(), RenderContext.TEXT));
    Optional<Template> html =
        c.bodyHtml().isBlank()
            ? Optional.empty()
            : Optional.of(parseOne("bodyHtml", c.bodyHtml(), RenderContext.HTML));
    return new CampaignTemplates(subject, text, html);
  }

  private static Template parseOne(String field, String source, RenderContext context) {
    return switch (Template.parse(source, context)) {
      case TemplateParse.Parsed p -> p.template();
      case TemplateParse.Rejected r ->
          throw new InvalidInputException(
              field,
              "template",
              "the template has errors: "
                  + String.join("; ", r.errors().stream().map(Object::toString).toList()),
              String.join("; ", r.errors().stream().map(Object::toString).toList()));
    };
  }

  /**
   * The message for one recipient.
   *
   * @param token the delivery's token (unsubscribe link, Message-ID); a preview uses a sample
   * @param returnPathDomain where the mailto unsubscribe goes
   * @param listLabel the List-Id label (the audience)
   */
  Draft draft(
      Campaign campaign,
      String recipient,
      Map<String, String> fields,
      String token,
      String returnPathDomain,
      String listLabel,
      boolean test) {
    CampaignContent c = campaign.content();
    Parsed prepared = prepared(campaign);
    CampaignTemplates templates = prepared.templates();
    PersonalisedContent content = templates.render(fields);
    String unsubscribeUrl = base() + "/u/" + token;
    String subject =
        test
            ? (c.language() == CampaignContent.Language.JA ? "[テスト] " : "[TEST] ")
                + content.subject()
            : content.subject();
    CampaignMessage.Builder builder =
        CampaignMessage.builder(
                new Mailbox(new EmailAddress(c.fromAddress()), c.fromName()),
                toMailbox(recipient, fields.getOrDefault("name", "")),
                new MessageId("<" + token + "@" + c.sendingDomain() + ">"))
            .subject(subject)
            .charset(
                c.charset() == CampaignContent.Charset.ISO_2022_JP
                    ? MessageCharset.ISO_2022_JP
                    : MessageCharset.UTF_8)
            .listId(new ListId(c.name(), listLabel + "." + c.sendingDomain()))
            .listUnsubscribe(listUnsubscribe(unsubscribeUrl, token, returnPathDomain))
            .header(new ExtraHeader("X-Hikyaku-Delivery", token))
            .boundarySeed(token.hashCode());
    content
        .text()
        .ifPresent(t -> builder.textBody(t + UnsubscribeFooter.text(c.language(), unsubscribeUrl)));
    content
        .html()
        .ifPresent(
            h -> builder.htmlBody(UnsubscribeFooter.appendHtml(h, c.language(), unsubscribeUrl)));
    prepared.attachments().forEach(builder::attachment);
    if (!c.replyTo().isEmpty()) {
      builder.replyTo(new Mailbox(new EmailAddress(c.replyTo()), ""));
    }
    CampaignMessage message = builder.build();
    List<CharsetProblem> problems = composer.check(message);
    return new Draft(message, content, composer.compose(message), problems);
  }

  /** Whether the one-click HTTPS unsubscribe can be offered: only when the console is on HTTPS. */
  boolean oneClickAvailable() {
    return base().startsWith("https://");
  }

  private ListUnsubscribe listUnsubscribe(String url, String token, String returnPathDomain) {
    URI mailto =
        URI.create("mailto:unsubscribe+" + token + "@" + returnPathDomain + "?subject=unsubscribe");
    return oneClickAvailable()
        ? ListUnsubscribe.oneClick(URI.create(url), mailto)
        : ListUnsubscribe.of(null, mailto);
  }

  /** The To mailbox; a display name the charset cannot hold is left out rather than garbled. */
  private Mailbox toMailbox(String recipient, String name) {
    return new Mailbox(new EmailAddress(recipient), name);
  }

  /** The parsed templates and encoded attachments of this version, prepared once per version. */
  private Parsed prepared(Campaign campaign) {
    Parsed p = parsed.get(campaign.id());
    if (p == null || p.version() != campaign.version()) {
      p = new Parsed(campaign.version(), parse(campaign.content()), files.contents(campaign.id()));
      parsed.put(campaign.id(), p);
    }
    return p;
  }

  private String base() {
    return identity.publicUrl().replaceAll("/+$", "");
  }
}
