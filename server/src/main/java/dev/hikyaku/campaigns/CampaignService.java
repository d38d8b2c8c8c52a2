package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalRequest;
import dev.hikyaku.approval.ApprovalService;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.JobProgress;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.shared.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns: drafts, previews per recipient, test sends to the seed list, and starting the send
 * once every {@link StartGate} lets it (checked here, on the server, at that moment).
 */
@Service
public class CampaignService {

  private final CampaignRepository repository;
  private final AudienceService audiences;
  private final SendingDomainService domains;
  private final DeliveryService delivery;
  private final List<StartGate> gates;
  private final CampaignTestSendSource testSource;
  private final AttachmentRepository attachments;
  private final Clock clock;
  private final CurrentActor actor;
  private final ApprovalService approvals;
  private final CampaignApproval approval;

  CampaignService(
      CampaignRepository repository,
      AudienceService audiences,
      SendingDomainService domains,
      DeliveryService delivery,
      List<StartGate> gates,
      CampaignTestSendSource testSource,
      AttachmentRepository attachments,
      Clock clock,
      @Lazy CurrentActor actor,
      ApprovalService approvals,
      CampaignApproval approval) {
    this.repository = repository;
    this.audiences = audiences;
    this.domains = domains;
    this.delivery = delivery;
    this.gates = gates;
    this.testSource = testSource;
    this.attachments = attachments;
    this.clock = clock;
    this.actor = actor;
    this.approvals = approvals;
    this.approval = approval;
  }

  @Transactional
  public Campaign create(CampaignContent content) {
    check(content);
    long id = repository.insert(content, actor.actor().label(), clock.instant());
    actor.record("campaign.create", "campaign:" + id, "", content.name());
    return get(id);
  }

  /** Saves an edit of a draft made from {@code version}; a concurrent edit is refused. */
  @Transactional
  public Campaign update(long id, int version, CampaignContent content) {
    Campaign before = get(id);
    if (!before.editable()) {
      throw new InvalidInputException(
          "id", "campaign-not-editable", "the campaign was started and can no longer change");
    }
    check(content);
    if (!repository.update(id, version, content, actor.actor().label(), clock.instant())) {
      throw new InvalidInputException(
          "version", "campaign-changed", "someone else changed the campaign; reload it");
    }
    actor.record(
        "campaign.update", "campaign:" + id, "version " + version, "version " + (version + 1));
    return changed(id);
  }

  public Campaign get(long id) {
    return repository
        .find(id)
        .orElseThrow(
            () -> new InvalidInputException("id", "no-such-campaign", "no campaign " + id));
  }

  public List<Campaign> list() {
    return repository.all();
  }

  @Transactional
  public void delete(long id) {
    Campaign c = get(id);
    if (!repository.deleteDraft(id)) {
      throw new InvalidInputException(
          "id", "campaign-not-editable", "a started campaign is kept for the record");
    }
    actor.record("campaign.delete", "campaign:" + id, c.name(), "");
  }

  /** The most one file, and all files of a campaign together, may weigh. */
  public static final long MAX_ATTACHMENT = 10L * 1024 * 1024;

  public static final long MAX_ATTACHMENTS_TOTAL = 20L * 1024 * 1024;

  /** Attaches a file to every message of a draft. */
  @Transactional
  public CampaignAttachment attach(long id, String fileName, String mediaType, byte[] content) {
    Campaign c = get(id);
    if (!c.editable()) {
      throw new InvalidInputException(
          "id", "campaign-not-editable", "the campaign was started and can no longer change");
    }
    if (content.length == 0 || content.length > MAX_ATTACHMENT) {
      throw new InvalidInputException(
          "file",
          "attachment-size",
          "an attachment must be 1 byte to 10 MB",
          MAX_ATTACHMENT / 1024 / 1024);
    }
    long total = attachments.of(id).stream().mapToLong(CampaignAttachment::size).sum();
    if (total + content.length > MAX_ATTACHMENTS_TOTAL) {
      throw new InvalidInputException(
          "file", "attachments-total", "the attachments of a campaign may not exceed 20 MB");
    }
    String type =
        mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType.strip();
    String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").strip();
    // Validates the name and the media type (no paths, no control characters, type/subtype).
    dev.hikyaku.campaigns.render.Attachment.of(name, type, new byte[0]);
    String sha = sha256(content);
    CampaignAttachment added =
        attachments.insert(id, name, type, content, sha, actor.actor().label(), clock.instant());
    attachments.bumpVersion(id, clock.instant());
    repository.touchedBy(id, actor.actor().label());
    changed(id);
    actor.record(
        "campaign.attach",
        "campaign:" + id,
        "",
        name + " (" + content.length + " bytes, sha256 " + sha + ")");
    return added;
  }

  @Transactional
  public void detach(long id, long attachmentId) {
    Campaign c = get(id);
    if (!c.editable()) {
      throw new InvalidInputException(
          "id", "campaign-not-editable", "the campaign was started and can no longer change");
    }
    if (!attachments.delete(id, attachmentId)) {
      throw new InvalidInputException("id", "no-such-attachment", "no attachment " + attachmentId);
    }
    attachments.bumpVersion(id, clock.instant());
    repository.touchedBy(id, actor.actor().label());
    changed(id);
    actor.record("campaign.detach", "campaign:" + id, "attachment " + attachmentId, "");
  }

  public List<CampaignAttachment> attachments(long id) {
    get(id);
    return attachments.of(id);
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends the campaign to its seed list, marked as a test, through the configured route. */
  @Transactional
  public SendJob testSend(long id) {
    Campaign c = get(id);
    if (c.testRecipients().isEmpty()) {
      throw new InvalidInputException(
          "testRecipients", "test-recipients-required", "add test recipients first");
    }
    refuseIfGated(c, true);
    repository.markTested(id, approval.fingerprint(c).hash());
    return delivery.start(CampaignTestSendSource.KIND, id);
  }

  /**
   * Requests approval of the campaign as it is now. With {@code require-test-send} (the default) a
   * test send of exactly this content must have gone first.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public ApprovalRequest submit(long id) {
    Campaign c = get(id);
    if (!c.editable()) {
      throw new InvalidInputException(
          "id", "campaign-not-editable", "the campaign was started or scheduled already");
    }
    if (approvals.policy().requireTestSend()
        && !c.testedHash().equals(approval.fingerprint(c).hash())) {
      actor.recordDenied("approval.submit", "campaign:" + id, "no test send of this content");
      throw new InvalidInputException(
          "id",
          "approval-test-send-required",
          "send a test of this content to the test recipients first");
    }
    return approvals.submit(CampaignApproval.ref(id));
  }

  /**
   * Starts the real send if every gate lets it now; a campaign with a future {@code sendAt} is
   * scheduled instead, and the gates are checked again at that time. A started send waits for the
   * cancel window before its first message.
   *
   * @return the send job, or empty when the campaign was scheduled
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public Optional<SendJob> start(long id) {
    Campaign c = get(id);
    if (!c.editable()) {
      throw new InvalidInputException(
          "id", "campaign-started", "the campaign was started or scheduled already");
    }
    refuseIfGated(c, false);
    Optional<java.time.Instant> at = c.content().sendAt().filter(t -> t.isAfter(clock.instant()));
    if (at.isPresent()) {
      if (!repository.markScheduled(id, c.version(), actor.actor().label())) {
        throw changedMeanwhile();
      }
      actor.record(
          "campaign.schedule", "campaign:" + id, "version " + c.version(), "for " + at.get());
      return Optional.empty();
    }
    long recipients = audiences.countSendable(c.content().audienceId().orElseThrow());
    if (!repository.markStarted(
        id,
        c.version(),
        Campaign.Status.DRAFT,
        actor.actor().label(),
        recipients,
        clock.instant())) {
      throw changedMeanwhile();
    }
    java.time.Duration window = approvals.policy().cancelWindow();
    actor.record(
        "campaign.start",
        "campaign:" + id,
        "version " + c.version(),
        recipients + " recipients, first message after " + window.toSeconds() + " s");
    return Optional.of(delivery.start(CampaignSendSource.KIND, id, window));
  }

  /** Takes a scheduled campaign back to draft; nothing was sent. */
  @Transactional
  public void unschedule(long id) {
    if (!repository.unschedule(id, "")) {
      throw new InvalidInputException(
          "id", "campaign-not-scheduled", "the campaign is not scheduled");
    }
    actor.record("campaign.unschedule", "campaign:" + id, "scheduled", "draft");
  }

  /**
   * Starts the scheduled campaigns whose time has come, each only if every gate, approval included,
   * lets it at this moment; one that is refused goes back to draft with the reason.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public void startDue(long id) {
    Campaign c = get(id);
    if (c.status() != Campaign.Status.SCHEDULED
        || c.content().sendAt().filter(t -> !t.isAfter(clock.instant())).isEmpty()) {
      return; // not scheduled, or not yet due
    }
    for (StartGate gate : gates) {
      Optional<StartGate.Refusal> refusal = gate.check(c, false);
      if (refusal.isPresent()) {
        repository.unschedule(id, refusal.get().message());
        actor.recordDenied("campaign.start", "campaign:" + id, refusal.get().message());
        return;
      }
    }
    long recipients = audiences.countSendable(c.content().audienceId().orElseThrow());
    if (repository.markStarted(
        id, c.version(), Campaign.Status.SCHEDULED, "system", recipients, clock.instant())) {
      actor.record(
          "campaign.start", "campaign:" + id, "scheduled", recipients + " recipients, on schedule");
      delivery.start(CampaignSendSource.KIND, id);
    }
  }

  List<Long> due() {
    return repository.due(clock.instant());
  }

  private static InvalidInputException changedMeanwhile() {
    return new InvalidInputException(
        "version", "campaign-changed", "the campaign changed meanwhile; check it and start again");
  }

  /** After a change: voids an approval of other content. */
  private Campaign changed(long id) {
    Campaign c = get(id);
    approvals.voidIfChanged(
        CampaignApproval.ref(id),
        approval.fingerprint(c).hash(),
        "changed by " + actor.actor().label() + " after submission");
    return c;
  }

  /** The campaign's latest real send, if it was started. */
  public Optional<JobProgress> progress(long id) {
    return delivery.latestJob(CampaignSendSource.KIND, id).map(j -> delivery.progress(j.id()));
  }

  /** The latest test send. */
  public Optional<JobProgress> testProgress(long id) {
    return delivery.latestJob(CampaignTestSendSource.KIND, id).map(j -> delivery.progress(j.id()));
  }

  private void refuseIfGated(Campaign c, boolean test) {
    for (StartGate gate : gates) {
      Optional<StartGate.Refusal> refusal = gate.check(c, test);
      if (refusal.isPresent()) {
        actor.recordDenied(
            test ? "campaign.test-send" : "campaign.start",
            "campaign:" + c.id(),
            refusal.get().message());
        throw new InvalidInputException(
            "id", refusal.get().code(), refusal.get().message(), refusal.get().args());
      }
    }
  }

  private void check(CampaignContent content) {
    CampaignRenderer.parse(content);
    content.audienceId().ifPresent(audiences::get);
    if (domains.findByName(content.sendingDomain()).isEmpty()) {
      throw new InvalidInputException(
          "sendingDomain",
          "no-such-domain",
          "add " + content.sendingDomain() + " as a sending domain first");
    }
  }
}
