package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalRequest;
import dev.hikyaku.approval.checks.Finding;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.JobProgress;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.RequiresNetwork;
import dev.hikyaku.shared.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/campaigns}: compose, preview, test-send, start and steer a send. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignsApiController {

  private static final String READ =
      CampaignsController.READ + " and hasAuthority('SCOPE_campaigns:read')";
  private static final String WRITE =
      CampaignsController.WRITE + " and hasAuthority('SCOPE_campaigns:write')";
  private static final String TEST =
      CampaignsController.TEST + " and hasAuthority('SCOPE_campaigns:send')";
  private static final String SEND =
      CampaignsController.SEND + " and hasAuthority('SCOPE_campaigns:send')";

  private final CampaignService campaigns;
  private final DeliveryService delivery;
  private final CampaignReview review;

  CampaignsApiController(
      CampaignService campaigns, DeliveryService delivery, CampaignReview review) {
    this.campaigns = campaigns;
    this.delivery = delivery;
    this.review = review;
  }

  @GetMapping
  @PreAuthorize(READ)
  List<Campaign> list() {
    return campaigns.list();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  Campaign create(@RequestBody(required = false) CampaignForm body) {
    return campaigns.create(form(body).content());
  }

  @GetMapping("/{id}")
  @PreAuthorize(READ)
  Campaign get(@PathVariable long id) {
    return campaigns.get(id);
  }

  /** Replaces a draft's content; {@code version} must be the version it was read at. */
  @PutMapping("/{id}")
  @PreAuthorize(WRITE)
  Campaign update(@PathVariable long id, @RequestBody(required = false) CampaignForm body) {
    CampaignForm f = form(body);
    if (f.version() == null) {
      throw new InvalidInputException("version", "required", "send the version you edited");
    }
    return campaigns.update(id, f.version(), f.content());
  }

  @DeleteMapping("/{id}")
  @PreAuthorize(WRITE)
  ResponseEntity<Void> delete(@PathVariable long id) {
    campaigns.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/attachments")
  @PreAuthorize(READ)
  List<CampaignAttachment> attachments(@PathVariable long id) {
    return campaigns.attachments(id);
  }

  /** Attaches a file (multipart field {@code file}) to every message of a draft. */
  @PostMapping("/{id}/attachments")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  CampaignAttachment attach(
      @PathVariable long id,
      @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file)
      throws java.io.IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "attachment-size", "send the file as 'file'", 10);
    }
    return campaigns.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
  }

  @DeleteMapping("/{id}/attachments/{attachmentId}")
  @PreAuthorize(WRITE)
  ResponseEntity<Void> detach(@PathVariable long id, @PathVariable long attachmentId) {
    campaigns.detach(id, attachmentId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/preview")
  @PreAuthorize(READ)
  Preview preview(@PathVariable long id, @RequestParam Optional<Long> contact) {
    return review.preview(id, contact);
  }

  @PostMapping("/{id}/test-send")
  @PreAuthorize(TEST)
  @RequiresNetwork(IpScope.SEND)
  SendJob testSend(@PathVariable long id) {
    return campaigns.testSend(id);
  }

  /**
   * Starts the send (200 with the job, whose {@code notBefore} ends the cancel window), or, for a
   * campaign with a future {@code sendAt}, schedules it (202 with the campaign). Either needs a
   * valid approval of the current content.
   */
  @PostMapping("/{id}/start")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  ResponseEntity<Object> start(@PathVariable long id) {
    return campaigns
        .start(id)
        .<ResponseEntity<Object>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.accepted().body(campaigns.get(id)));
  }

  /** Takes a scheduled campaign back to draft. */
  @PostMapping("/{id}/unschedule")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  Campaign unschedule(@PathVariable long id) {
    campaigns.unschedule(id);
    return campaigns.get(id);
  }

  /** Requests approval of the campaign as it is now (after a test send of it, by default). */
  @PostMapping("/{id}/submit")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  ApprovalRequest submit(@PathVariable long id) {
    return campaigns.submit(id);
  }

  /** The latest approval request of the campaign. */
  @GetMapping("/{id}/approval")
  @PreAuthorize(READ)
  ResponseEntity<ApprovalRequest> approval(@PathVariable long id) {
    campaigns.get(id);
    return review.approval(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }

  /** The pre-send checks' findings for the campaign as it is now. */
  @GetMapping("/{id}/findings")
  @PreAuthorize(READ)
  List<Finding> findings(@PathVariable long id) {
    return review.findings(id);
  }

  @GetMapping("/{id}/progress")
  @PreAuthorize(READ)
  ResponseEntity<JobProgress> progress(@PathVariable long id) {
    return campaigns.progress(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }

  @PostMapping("/{id}/pause")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  SendJob pause(@PathVariable long id) {
    return delivery.pause(job(id));
  }

  @PostMapping("/{id}/resume")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  SendJob resume(@PathVariable long id) {
    return delivery.resume(job(id));
  }

  @PostMapping("/{id}/cancel")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  SendJob cancel(@PathVariable long id) {
    return delivery.cancel(job(id));
  }

  private long job(long id) {
    return campaigns
        .progress(id)
        .map(p -> p.job().id())
        .orElseThrow(() ->
            new InvalidInputException(
                "id", "campaign-not-started", "the campaign was not started"));
  }

  private static CampaignForm form(CampaignForm body) {
    return body == null
        ? new CampaignForm(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null)
        : body;
  }
}
