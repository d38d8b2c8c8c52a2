package dev.hikyaku.approval;

import dev.hikyaku.approval.checks.Finding;
import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.RequiresNetwork;
import dev.hikyaku.shared.InvalidInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/approvals}: requests waiting for a decision, one request with its findings and the
 * change since the last approved version, approve / reject / withdraw, and proxies.
 */
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalsApiController {

  private static final String READ =
      ApprovalsController.READ + " and hasAuthority('SCOPE_approvals:read')";
  private static final String DECIDE =
      "isAuthenticated() and hasAuthority('SCOPE_approvals:write')";
  private static final String DELEGATE =
      ApprovalsController.DELEGATE + " and hasAuthority('SCOPE_approvals:write')";

  private final ApprovalService approvals;
  private final ProxyApprovers proxies;

  ApprovalsApiController(ApprovalService approvals, ProxyApprovers proxies) {
    this.approvals = approvals;
    this.proxies = proxies;
  }

  /** Requests waiting for a decision, oldest first. */
  @GetMapping
  @PreAuthorize(READ)
  List<ApprovalRequest> pending() {
    return approvals.pending();
  }

  /** One request, what the checks found at submission, and the diff to the last approved one. */
  @GetMapping("/{id}")
  @PreAuthorize(READ)
  Details get(@PathVariable long id) {
    ApprovalRequest r = approvals.get(id);
    return new Details(
        r, approvals.findings(id), approvals.comparison(id).orElse(null), approvals.reviewPath(r));
  }

  /** A request with what an approver reviews besides the message itself. */
  record Details(
      ApprovalRequest request,
      List<Finding> findings,
      ApprovalService.Comparison changesSinceLastApproval,
      String reviewPage) {}

  /**
   * A decision. {@code hash} must be the request's {@code contentHash} as the approver reviewed it;
   * {@code comment} is required to reject.
   */
  record DecisionBody(String hash, String comment) {}

  @PostMapping("/{id}/approve")
  @PreAuthorize(DECIDE)
  @RequiresNetwork(IpScope.SEND)
  ApprovalRequest approve(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
    DecisionBody b = body == null ? new DecisionBody(null, null) : body;
    return approvals.approve(id, b.hash(), b.comment());
  }

  @PostMapping("/{id}/reject")
  @PreAuthorize(DECIDE)
  @RequiresNetwork(IpScope.SEND)
  ApprovalRequest reject(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
    DecisionBody b = body == null ? new DecisionBody(null, null) : body;
    return approvals.reject(id, b.hash(), b.comment());
  }

  @PostMapping("/{id}/withdraw")
  @PreAuthorize(DECIDE)
  ApprovalRequest withdraw(@PathVariable long id) {
    return approvals.withdraw(id);
  }

  @GetMapping("/delegations")
  @PreAuthorize(READ)
  List<Delegation> delegations() {
    return proxies.delegations();
  }

  /** Times are ISO-8601 with an offset, e.g. {@code 2026-12-24T09:00:00+09:00}. */
  record DelegationBody(
      String approver, String proxy, String validFrom, String validUntil, String reason) {}

  @PostMapping("/delegations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(DELEGATE)
  Delegation delegate(@RequestBody(required = false) DelegationBody body) {
    if (body == null) {
      throw new InvalidInputException("proxy", "required", "send approver, proxy and the period");
    }
    return proxies.delegate(
        body.approver(),
        body.proxy(),
        ApprovalsController.time("validFrom", body.validFrom()),
        ApprovalsController.time("validUntil", body.validUntil()),
        body.reason());
  }

  @DeleteMapping("/delegations/{id}")
  @PreAuthorize(DELEGATE)
  ResponseEntity<Void> revoke(@PathVariable long id) {
    proxies.revokeDelegation(id);
    return ResponseEntity.noContent().build();
  }
}
