package dev.hikyaku.campaigns;

import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Contact;
import dev.hikyaku.campaigns.render.Composition;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.JobProgress;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.shared.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
  private final CampaignRenderer renderer;
  private final AudienceService audiences;
  private final SendingDomainService domains;
  private final DeliveryService delivery;
  private final List<StartGate> gates;
  private final CampaignTestSendSource testSource;
  private final AttachmentRepository attachments;
  private final Clock clock;
  private final CurrentActor actor;

  CampaignService(
      CampaignRepository repository,
      CampaignRenderer renderer,
      AudienceService audiences,
      SendingDomainService domains,
      DeliveryService delivery,
      List<StartGate> gates,
      CampaignTestSendSource testSource,
      AttachmentRepository attachments,
      Clock clock,
      @Lazy CurrentActor actor) {
    this.repository = repository;
    this.renderer = renderer;
    this.audiences = audiences;
    this.domains = domains;
    this.delivery = delivery;
    this.gates = gates;
    this.testSource = testSource;
    this.attachments = attachments;
    this.clock = clock;
    this.actor = actor;
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
    if (!repository.update(id, version, content, clock.instant())) {
      throw new InvalidInputException(
          "version", "campaign-changed", "someone else changed the campaign; reload it");
    }
    actor.record(
        "campaign.update", "campaign:" + id, "version " + version, "version " + (version + 1));
    return get(id);
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

  /**
   * The campaign as {@code contactId} of its audience (or the first contact, or nobody) gets it.
   */
  public Preview preview(long id, Optional<Long> contactId) {
    Campaign c = get(id);
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
    return delivery.start(CampaignTestSendSource.KIND, id);
  }

  /** Starts the real send, if every gate lets it now. */
  @Transactional
  public SendJob start(long id) {
    Campaign c = get(id);
    if (!c.editable()) {
      throw new InvalidInputException("id", "campaign-started", "the campaign was started already");
    }
    refuseIfGated(c, false);
    if (!repository.markStarted(id, c.version(), actor.actor().label(), clock.instant())) {
      throw new InvalidInputException(
          "version",
          "campaign-changed",
          "the campaign changed meanwhile; check it and start again");
    }
    actor.record("campaign.start", "campaign:" + id, "version " + c.version(), "started");
    return delivery.start(CampaignSendSource.KIND, id);
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
