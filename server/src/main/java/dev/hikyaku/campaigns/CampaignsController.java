package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalRequest;
import dev.hikyaku.approval.ApprovalService;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.JobProgress;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.RequiresNetwork;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's campaign pages: list, compose and edit, preview per recipient, test send, and the
 * send itself with live progress. Authors write; operators start, pause, resume and cancel, from an
 * allowed network.
 */
@Controller
class CampaignsController {

  static final String READ = "hasAnyRole('AUTHOR', 'APPROVER', 'OPERATOR')";
  static final String WRITE = "hasRole('AUTHOR')";
  static final String TEST = "hasAnyRole('AUTHOR', 'OPERATOR')";
  static final String SEND = "hasRole('OPERATOR')";

  private final CampaignService campaigns;
  private final SendingDomainService domains;
  private final AudienceService audiences;
  private final DeliveryService delivery;
  private final ApprovalService approvals;
  private final CampaignReview review;

  CampaignsController(
      CampaignService campaigns,
      SendingDomainService domains,
      AudienceService audiences,
      DeliveryService delivery,
      ApprovalService approvals,
      CampaignReview review) {
    this.campaigns = campaigns;
    this.domains = domains;
    this.audiences = audiences;
    this.delivery = delivery;
    this.approvals = approvals;
    this.review = review;
  }

  @GetMapping("/campaigns")
  @PreAuthorize(READ)
  String list(Model model) {
    model.addAttribute("campaigns", campaigns.list());
    model.addAttribute("mode", delivery.mode());
    return "campaigns/list";
  }

  @GetMapping("/campaigns/new")
  @PreAuthorize(WRITE)
  String form(Model model) {
    return editor(model, CampaignForm.empty(), null);
  }

  @PostMapping("/campaigns")
  @PreAuthorize(WRITE)
  String create(@ModelAttribute CampaignForm form, Model model, HttpServletResponse response) {
    try {
      Campaign c = campaigns.create(form.content());
      return "redirect:/campaigns/" + c.id();
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      return editor(model, form, null);
    }
  }

  @GetMapping("/campaigns/{id}")
  @PreAuthorize(READ)
  String show(@PathVariable long id, Model model) {
    Campaign c = campaigns.get(id);
    model.addAttribute("campaign", c);
    model.addAttribute("progress", campaigns.progress(id).orElse(null));
    model.addAttribute("test", campaigns.testProgress(id).orElse(null));
    model.addAttribute("mode", delivery.mode());
    model.addAttribute("attachments", campaigns.attachments(id));
    model.addAttribute("domainVerified", domains.isVerified(c.content().sendingDomain()));
    model.addAttribute("audience", c.content().audienceId().map(audiences::get).orElse(null));
    ApprovalRequest request = review.approval(id).orElse(null);
    model.addAttribute("request", request);
    model.addAttribute("tested", review.testedAsIs(c));
    model.addAttribute("requireTest", approvals.policy().requireTestSend());
    model.addAttribute("findings", review.findings(id));
    model.addAttribute(
        "approvedNow",
        request != null
            && request.approvedAt(java.time.Instant.now())
            && request.contentHash().equals(review.hash(c)));
    return "campaigns/show";
  }

  /** The live progress block, polled by htmx while the send runs. */
  @GetMapping("/campaigns/{id}/progress")
  @PreAuthorize(READ)
  String progress(@PathVariable long id, Model model) {
    model.addAttribute("campaign", campaigns.get(id));
    model.addAttribute("progress", campaigns.progress(id).orElse(null));
    return "campaigns/progress :: progress";
  }

  @GetMapping("/campaigns/{id}/edit")
  @PreAuthorize(WRITE)
  String edit(@PathVariable long id, Model model) {
    Campaign c = campaigns.get(id);
    return editor(model, CampaignForm.of(c), c);
  }

  @PostMapping("/campaigns/{id}")
  @PreAuthorize(WRITE)
  String update(
      @PathVariable long id,
      @ModelAttribute CampaignForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Campaign c = campaigns.get(id);
    try {
      campaigns.update(id, form.version() == null ? -1 : form.version(), form.content());
    } catch (InvalidInputException e) {
      if (e.code().startsWith("no-such-campaign")) {
        throw e;
      }
      response.setStatus(400);
      model.addAttribute("error", e);
      return editor(model, form, c);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/campaigns/" + id;
  }

  @PostMapping("/campaigns/{id}/attachments")
  @PreAuthorize(WRITE)
  String attach(
      @PathVariable long id,
      @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(
        id,
        () -> {
          if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "attachment-size", "choose a file", 10);
          }
          try {
            campaigns.attach(
                id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        },
        "saved",
        model,
        response,
        redirect);
  }

  @PostMapping("/campaigns/{id}/attachments/{attachmentId}/delete")
  @PreAuthorize(WRITE)
  String detach(
      @PathVariable long id,
      @PathVariable long attachmentId,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(id, () -> campaigns.detach(id, attachmentId), "saved", model, response, redirect);
  }

  @PostMapping("/campaigns/{id}/delete")
  @PreAuthorize(WRITE)
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    campaigns.delete(id);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/campaigns";
  }

  @GetMapping("/campaigns/{id}/preview")
  @PreAuthorize(READ)
  String preview(@PathVariable long id, @RequestParam Optional<Long> contact, Model model) {
    model.addAttribute("campaign", campaigns.get(id));
    model.addAttribute("preview", review.preview(id, contact));
    model.addAttribute("contact", contact.orElse(null));
    return "campaigns/preview";
  }

  /**
   * The HTML part alone, for the preview's sandboxed frame: its own CSP allows no script, no form,
   * no connection, and the frame's sandbox keeps it away from the console.
   */
  @GetMapping("/campaigns/{id}/preview.html")
  @PreAuthorize(READ)
  ResponseEntity<String> previewHtml(@PathVariable long id, @RequestParam Optional<Long> contact) {
    Preview p = review.preview(id, contact);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header(
            "Content-Security-Policy",
            "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; sandbox;"
                + " frame-ancestors 'self'")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Frame-Options", "SAMEORIGIN")
        .body(p.html().isEmpty() ? "<pre>" + escape(p.text()) + "</pre>" : p.html());
  }

  @PostMapping("/campaigns/{id}/test-send")
  @PreAuthorize(TEST)
  @RequiresNetwork(IpScope.SEND)
  String testSend(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(id, () -> campaigns.testSend(id), "testSent", model, response, redirect);
  }

  @PostMapping("/campaigns/{id}/start")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  String start(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(
        id,
        () -> {
          if (campaigns.start(id).isEmpty()) {
            redirect.addFlashAttribute("scheduled", true);
          }
        },
        "started",
        model,
        response,
        redirect);
  }

  @PostMapping("/campaigns/{id}/unschedule")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  String unschedule(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(id, () -> campaigns.unschedule(id), "unscheduled", model, response, redirect);
  }

  /** The author requests approval of the campaign as it is now. */
  @PostMapping("/campaigns/{id}/submit")
  @PreAuthorize(WRITE)
  String submit(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(id, () -> campaigns.submit(id), "submitted", model, response, redirect);
  }

  @PostMapping("/campaigns/{id}/withdraw")
  @PreAuthorize(WRITE)
  String withdraw(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(
        id,
        () -> approvals.withdraw(review.approval(id).orElseThrow(this::noRequest).id()),
        "withdrawn",
        model,
        response,
        redirect);
  }

  private InvalidInputException noRequest() {
    return new InvalidInputException("id", "no-such-request", "approval was never requested");
  }

  @PostMapping("/campaigns/{id}/pause")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  String pause(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(id, () -> delivery.pause(job(id)), "paused", model, response, redirect);
  }

  @PostMapping("/campaigns/{id}/resume")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  String resume(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(id, () -> delivery.resume(job(id)), "resumed", model, response, redirect);
  }

  @PostMapping("/campaigns/{id}/cancel")
  @PreAuthorize(SEND)
  @RequiresNetwork(IpScope.SEND)
  String cancel(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return act(id, () -> delivery.cancel(job(id)), "cancelled", model, response, redirect);
  }

  private long job(long campaignId) {
    return campaigns
        .progress(campaignId)
        .map(JobProgress::job)
        .map(j -> j.id())
        .orElseThrow(() ->
            new InvalidInputException(
                "id", "campaign-not-started", "the campaign was not started"));
  }

  private String act(
      long id,
      Runnable action,
      String flash,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      action.run();
    } catch (InvalidInputException e) {
      if (e.code().startsWith("no-such-campaign")) {
        throw e;
      }
      response.setStatus(400);
      model.addAttribute("error", e);
      return show(id, model);
    }
    redirect.addFlashAttribute(flash, true);
    return "redirect:/campaigns/" + id;
  }

  private String editor(Model model, CampaignForm form, Campaign campaign) {
    model.addAttribute("form", form);
    model.addAttribute("campaign", campaign);
    model.addAttribute("domains", domains.list());
    model.addAttribute("audiences", audiences.list());
    return "campaigns/edit";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
