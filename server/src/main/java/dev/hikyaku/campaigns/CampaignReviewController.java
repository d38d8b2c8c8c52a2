package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalRequest;
import dev.hikyaku.approval.ApprovalService;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.RequiresNetwork;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approver's review of a campaign and the decision. Anyone signed in may post a decision; the
 * approval service decides whether this person may (an approver or a proxy, not an author), from a
 * network allowed for sending.
 */
@Controller
class CampaignReviewController {

  private static final String READ = CampaignsController.READ;

  private final CampaignService campaigns;
  private final CampaignReview review;
  private final ApprovalService approvals;
  private final AudienceService audiences;

  CampaignReviewController(
      CampaignService campaigns,
      CampaignReview review,
      ApprovalService approvals,
      AudienceService audiences) {
    this.campaigns = campaigns;
    this.review = review;
    this.approvals = approvals;
    this.audiences = audiences;
  }

  /**
   * The approver's review: the rendered message at desktop and mobile width, sample recipients,
   * recipients per destination domain, the pre-send findings and the change since the last approved
   * version.
   */
  @GetMapping("/campaigns/{id}/review")
  @PreAuthorize(READ)
  String review(@PathVariable long id, Model model) {
    Campaign c = campaigns.get(id);
    model.addAttribute("campaign", c);
    ApprovalRequest request = review.approval(id).orElse(null);
    model.addAttribute("request", request);
    if (request != null) {
      model.addAttribute("findings", approvals.findings(request.id()));
      model.addAttribute("comparison", approvals.comparison(request.id()).orElse(null));
      model.addAttribute("decidingAs", approvals.decidingAs(request).orElse(null));
    }
    model.addAttribute("samples", review.sampleRecipients(id, 5));
    model.addAttribute("domainCounts", review.recipientDomains(id, 20));
    model.addAttribute("attachments", campaigns.attachments(id));
    model.addAttribute("audience", c.content().audienceId().map(audiences::get).orElse(null));
    return "campaigns/review";
  }

  @PostMapping("/campaigns/{id}/review/approve")
  @PreAuthorize("isAuthenticated()")
  @RequiresNetwork(IpScope.SEND)
  String approve(
      @PathVariable long id,
      @RequestParam long request,
      @RequestParam(required = false) String hash,
      @RequestParam(required = false) String comment,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return decide(
        id, () -> approvals.approve(request, hash, comment), "approved", model, response, redirect);
  }

  @PostMapping("/campaigns/{id}/review/reject")
  @PreAuthorize("isAuthenticated()")
  @RequiresNetwork(IpScope.SEND)
  String reject(
      @PathVariable long id,
      @RequestParam long request,
      @RequestParam(required = false) String hash,
      @RequestParam(required = false) String comment,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return decide(
        id, () -> approvals.reject(request, hash, comment), "rejected", model, response, redirect);
  }

  private String decide(
      long id,
      Runnable action,
      String flash,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      action.run();
    } catch (InvalidInputException e) {
      if (e.code().startsWith("no-such-")) {
        throw e;
      }
      response.setStatus(400);
      model.addAttribute("error", e);
      return review(id, model);
    }
    redirect.addFlashAttribute(flash, true);
    return "redirect:/campaigns/" + id + "/review";
  }
}
