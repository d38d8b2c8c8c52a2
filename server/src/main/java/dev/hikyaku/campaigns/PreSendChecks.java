package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalProperties;
import dev.hikyaku.approval.checks.AttachmentScanner;
import dev.hikyaku.approval.checks.ContentScanner;
import dev.hikyaku.approval.checks.Finding;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Contact;
import dev.hikyaku.campaigns.render.CampaignTemplates;
import dev.hikyaku.campaigns.render.Composition;
import dev.hikyaku.campaigns.render.PersonalisedContent;
import dev.hikyaku.delivery.DeliveryProperties;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.domains.SendingDomainService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The pre-send checks of a campaign, run when approval is requested and again just before the send
 * starts: the content and attachments scanned for mis-send mistakes (address lists, personal data,
 * executables, PPAP, deceptive links), the sending domain, the unsubscribe link, the sender's
 * identity line, personalisation fields missing for some recipients, and an audience far above its
 * usual size. A BLOCKING finding stops both.
 */
@Component
class PreSendChecks {

  /** How many recipients the missing-field check reads at most (it renders each one). */
  static final int FIELD_SCAN_LIMIT = 100_000;

  private final CampaignRenderer renderer;
  private final AudienceService audiences;
  private final SendingDomainService domains;
  private final DeliveryService delivery;
  private final AttachmentRepository attachments;
  private final CampaignRepository campaigns;
  private final ApprovalProperties properties;
  private final ContentScanner content;
  private final AttachmentScanner files;

  PreSendChecks(
      CampaignRenderer renderer,
      AudienceService audiences,
      SendingDomainService domains,
      DeliveryService delivery,
      AttachmentRepository attachments,
      CampaignRepository campaigns,
      ApprovalProperties properties) {
    this.renderer = renderer;
    this.audiences = audiences;
    this.domains = domains;
    this.delivery = delivery;
    this.attachments = attachments;
    this.campaigns = campaigns;
    this.properties = properties;
    this.content = new ContentScanner(properties.checkPolicy());
    this.files = new AttachmentScanner(properties.checkPolicy());
  }

  /** Every finding for the campaign as it is now, blocking ones first. */
  List<Finding> run(Campaign c, long recipients) {
    List<Finding> out = new ArrayList<>();
    CampaignContent x = c.content();
    String returnPath =
        domains
            .findByName(x.sendingDomain())
            .map(d -> d.returnPathDomain())
            .orElse("bounces." + x.sendingDomain());
    domain(x, out);
    audience(c, recipients, out);
    Set<String> own = Set.of(x.sendingDomain(), returnPath);
    out.addAll(content.scanText("subject", x.subject(), own));
    out.addAll(content.scanText("text", x.bodyText(), own));
    out.addAll(content.scanHtml("html", x.bodyHtml(), own));
    for (AttachmentRepository.Raw f : attachments.raw(c.id())) {
      out.addAll(files.scan(f.fileName(), f.mediaType(), f.content()));
    }
    rendered(c, returnPath, out);
    missingFields(c, out);
    return out.stream()
        .sorted(
            java.util.Comparator.comparing(
                (Finding f) -> f.severity() != Finding.Severity.BLOCKING))
        .toList();
  }

  private void domain(CampaignContent x, List<Finding> out) {
    if (!domains.isVerified(x.sendingDomain())) {
      boolean capture = delivery.mode() == DeliveryProperties.Mode.CAPTURE;
      out.add(
          new Finding(
              capture ? Finding.Severity.WARNING : Finding.Severity.BLOCKING,
              "domain-not-verified",
              "sending domain " + x.sendingDomain(),
              List.of(x.sendingDomain()),
              "the sending domain "
                  + x.sendingDomain()
                  + " is not verified (SPF, DKIM, DMARC records)"));
    }
  }

  private void audience(Campaign c, long recipients, List<Finding> out) {
    if (c.content().audienceId().isEmpty()) {
      out.add(blocking("audience-required", "audience", List.of(), "no audience is chosen"));
      return;
    }
    long audience = c.content().audienceId().get();
    if (recipients == 0) {
      out.add(
          blocking("audience-empty", "audience", List.of(), "the audience has nobody to send to"));
      return;
    }
    campaigns
        .largestSend(audience, c.id())
        .filter(
            usual -> recipients > usual * properties.usualSizeFactor() && recipients - usual > 100)
        .ifPresent(usual ->
            out.add(
                new Finding(
                    Finding.Severity.WARNING,
                    "audience-unusually-large",
                    "audience",
                    List.of(Long.toString(recipients), Long.toString(usual)),
                    "this send reaches "
                        + recipients
                        + " people; the audience's largest earlier send reached "
                        + usual)));
  }

  /** Checks what a recipient actually receives: the unsubscribe link and the sender's identity. */
  private void rendered(Campaign c, String returnPath, List<Finding> out) {
    CampaignRenderer.Draft draft =
        renderer.draft(c, "check@example.com", Map.of(), "check", returnPath, "check", false);
    String source =
        draft.composition() instanceof Composition.Composed composed
            ? composed.message().toString()
            : "";
    boolean header =
        source.regionMatches(true, 0, "List-Unsubscribe:", 0, 17)
            || source.toLowerCase(java.util.Locale.ROOT).contains("\nlist-unsubscribe:");
    boolean link =
        draft.message().textBody().contains("/u/check")
            || draft.message().htmlBody().orElse("").contains("/u/check");
    if (!header || !link) {
      out.add(
          blocking(
              "unsubscribe-missing",
              header ? "body" : "header List-Unsubscribe",
              List.of(),
              "the message has no working unsubscribe link"));
    }
    if (!properties.senderIdentity().isEmpty()) {
      String identity = squeeze(properties.senderIdentity());
      if (!squeeze(draft.message().textBody()).contains(identity)
          || draft.message().htmlBody().filter(h -> !squeeze(h).contains(identity)).isPresent()) {
        out.add(
            blocking(
                "sender-identity-missing",
                "body",
                List.of(properties.senderIdentity()),
                "the body lacks the sender's identity line: " + properties.senderIdentity()));
      }
    }
    draft.charsetProblems().stream()
        .findFirst()
        .ifPresent(p ->
            out.add(
                blocking(
                    "charset-problem",
                    p.part() + " line " + p.line(),
                    List.of(p.detail()),
                    "the content cannot be written in " + c.content().charset())));
  }

  /** Counts recipients for whom a field without a default has no value. */
  private void missingFields(Campaign c, List<Finding> out) {
    if (c.content().audienceId().isEmpty()) {
      return;
    }
    CampaignTemplates templates = CampaignRenderer.parse(c.content());
    if (templates.fields().isEmpty()) {
      return;
    }
    Map<String, Long> missing = new LinkedHashMap<>();
    Map<String, String> example = new LinkedHashMap<>();
    long after = 0;
    long read = 0;
    long audience = c.content().audienceId().get();
    while (read < FIELD_SCAN_LIMIT) {
      List<Contact> batch = audiences.sendable(audience, after, 1000);
      if (batch.isEmpty()) {
        break;
      }
      for (Contact contact : batch) {
        PersonalisedContent p = templates.render(contact.fields());
        for (String field : p.missingFields()) {
          missing.merge(field, 1L, Long::sum);
          example.putIfAbsent(field, contact.email());
        }
      }
      read += batch.size();
      after = batch.get(batch.size() - 1).id();
    }
    missing.forEach((field, n) ->
        out.add(
            new Finding(
                Finding.Severity.WARNING,
                "field-missing",
                "{{" + field + "}}",
                List.of(field, Long.toString(n), example.get(field)),
                n
                    + " recipients have no value for {{"
                    + field
                    + "}} and it has no default, e.g. "
                    + example.get(field))));
  }

  private static Finding blocking(String code, String location, List<String> args, String message) {
    return new Finding(Finding.Severity.BLOCKING, code, location, args, message);
  }

  private static String squeeze(String s) {
    return s.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
  }
}
