package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalRequest;
import dev.hikyaku.approval.ApprovalService;
import dev.hikyaku.approval.checks.Finding;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Contact;
import dev.hikyaku.audience.DomainCount;
import dev.hikyaku.campaigns.render.CampaignTemplates;
import dev.hikyaku.campaigns.render.Composition;
import dev.hikyaku.campaigns.render.PersonalisedContent;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What people look at before a send: the message as one recipient gets it, and for approval the
 * campaign's request, content hash, sample recipients, recipients per domain and pre-send findings.
 * It changes nothing.
 */
@Service
public class CampaignReview {

  private final CampaignService campaigns;
  private final CampaignRenderer renderer;
  private final AudienceService audiences;
  private final SendingDomainService domains;
  private final ApprovalService approvals;
  private final CampaignApproval approval;

  CampaignReview(
      CampaignService campaigns,
      CampaignRenderer renderer,
      AudienceService audiences,
      SendingDomainService domains,
      ApprovalService approvals,
      CampaignApproval approval) {
    this.campaigns = campaigns;
    this.renderer = renderer;
    this.audiences = audiences;
    this.domains = domains;
    this.approvals = approvals;
    this.approval = approval;
  }

  /**
   * The campaign as {@code contactId} of its audience (or the first contact, or nobody) gets it.
   */
  public Preview preview(long id, Optional<Long> contactId) {
    Campaign c = campaigns.get(id);
    Contact contact = sample(c, contactId);
    String recipient = contact == null ? "preview@example.com" : contact.email();
    Map<String, String> fields = contact == null ? Map.of() : contact.fields();
    CampaignRenderer.Draft draft =
        renderer.draft(
            c,
            recipient,
            fields,
            "preview",
            domains
                .findByName(c.content().sendingDomain())
                .map(d -> d.returnPathDomain())
                .orElse("bounces." + c.content().sendingDomain()),
            "a" + c.content().audienceId().orElse(0L),
            false);
    String source =
        draft.composition() instanceof Composition.Composed composed
            ? composed.message().toString()
            : "";
    return new Preview(
        recipient,
        draft.content().subject(),
        draft.message().textBody(),
        draft.message().htmlBody().orElse(""),
        source,
        draft.content().missingFields(),
        draft.charsetProblems().stream()
            .map(p -> p.part() + " " + p.line() + ":" + p.column() + " " + p.detail())
            .toList());
  }

  /** The campaign's latest approval request, if it was ever submitted. */
  public Optional<ApprovalRequest> approval(long id) {
    return approvals.latest(CampaignApproval.ref(id));
  }

  /** Whether the campaign's current content is what its latest test send sent. */
  public boolean testedAsIs(Campaign c) {
    return c.testedHash().equals(approval.fingerprint(c).hash());
  }

  /** The content hash approvers approve, of the campaign as it is now. */
  public String hash(Campaign c) {
    return approval.fingerprint(c).hash();
  }

  /** A few recipients spread over the audience, each with their rendered subject. */
  public List<SampleRecipient> sampleRecipients(long id, int n) {
    Campaign c = campaigns.get(id);
    if (c.content().audienceId().isEmpty()) {
      return List.of();
    }
    CampaignTemplates templates = CampaignRenderer.parse(c.content());
    return audiences.sample(c.content().audienceId().get(), n).stream()
        .map(contact -> {
          PersonalisedContent p = templates.render(contact.fields());
          return new SampleRecipient(contact.id(), contact.email(), p.subject(), p.missingFields());
        })
        .toList();
  }

  /** One recipient of the approver's sample. */
  public record SampleRecipient(
      long contactId, String email, String subject, List<String> missingFields) {}

  /** Recipients per destination domain, the {@code limit} largest. */
  public List<DomainCount> recipientDomains(long id, int limit) {
    return campaigns
        .get(id)
        .content()
        .audienceId()
        .map(a -> audiences.domainCounts(a, limit))
        .orElse(List.of());
  }

  /** The pre-send findings for the campaign as it is now. */
  public List<Finding> findings(long id) {
    return approval.snapshot(id).findings();
  }

  private Contact sample(Campaign c, Optional<Long> contactId) {
    if (c.content().audienceId().isEmpty()) {
      return null;
    }
    long audience = c.content().audienceId().get();
    if (contactId.isPresent()) {
      return audiences.contacts(audience, contactId.get() - 1, 1, "").stream()
          .filter(x -> x.id() == contactId.get())
          .findFirst()
          .orElseThrow(() ->
              new InvalidInputException(
                  "contact", "no-such-contact", "no contact " + contactId.get()));
    }
    return audiences.contacts(audience, 0, 1, "").stream().findFirst().orElse(null);
  }
}
