package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalSubject;
import dev.hikyaku.approval.SubjectRef;
import dev.hikyaku.audience.AudienceService;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Campaigns as subjects of the approval workflow: the fingerprint of the campaign as it is now, its
 * authors (creator and last editor), its recipient count and its pre-send findings.
 */
@Component
class CampaignApproval implements ApprovalSubject {

  static final String KIND = "campaign";

  private final CampaignRepository campaigns;
  private final AttachmentRepository attachments;
  private final AudienceService audiences;
  private final PreSendChecks checks;

  CampaignApproval(
      CampaignRepository campaigns,
      AttachmentRepository attachments,
      AudienceService audiences,
      PreSendChecks checks) {
    this.campaigns = campaigns;
    this.attachments = attachments;
    this.audiences = audiences;
    this.checks = checks;
  }

  static SubjectRef ref(long campaignId) {
    return new SubjectRef(KIND, campaignId);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Snapshot snapshot(long id) {
    Campaign c =
        campaigns
            .find(id)
            .orElseThrow(() ->
                new dev.hikyaku.shared.InvalidInputException(
                    "id", "no-such-campaign", "no campaign " + id));
    return snapshot(c);
  }

  Snapshot snapshot(Campaign c) {
    CampaignFingerprint f = fingerprint(c);
    long recipients = c.content().audienceId().map(audiences::countSendable).orElse(0L);
    return new Snapshot(
        c.name(),
        f.hash(),
        f.text(),
        authors(c),
        recipients,
        checks.run(c, recipients),
        c.content().sendAt());
  }

  CampaignFingerprint fingerprint(Campaign c) {
    return CampaignFingerprint.of(c, attachments.of(c.id()));
  }

  /** The people behind the content: an actor label such as {@code user:sato} gives {@code sato}. */
  static Set<String> authors(Campaign c) {
    Set<String> out = new LinkedHashSet<>();
    person(c.createdBy()).ifPresent(out::add);
    person(c.updatedBy()).ifPresent(out::add);
    return out;
  }

  static java.util.Optional<String> person(String label) {
    if (label == null) {
      return java.util.Optional.empty();
    }
    if (label.startsWith("user:")) {
      return java.util.Optional.of(label.substring(5));
    }
    if (label.startsWith("token:")) {
      String rest = label.substring(6);
      int slash = rest.lastIndexOf('/');
      return java.util.Optional.of(slash < 0 ? rest : rest.substring(0, slash));
    }
    return java.util.Optional.empty();
  }
}
