package dev.hikyaku.identity.network;

import dev.hikyaku.identity.IpScope;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/ip-rules}: the allowed networks, for admins' tokens. */
@RestController
@RequestMapping("/api/v1/ip-rules")
class IpRulesApiController {

  /** A rule as the API shows it. */
  record RuleView(
      long id, String scope, String cidr, String label, String createdBy, Instant createdAt) {
    static RuleView of(IpRule r) {
      return new RuleView(
          r.id(), r.scope().key(), r.cidr().toString(), r.label(), r.createdBy(), r.createdAt());
    }
  }

  /** A new rule; {@code confirmLockout} is needed when it would shut out the caller's address. */
  record CreateRequest(String scope, String cidr, String label, Boolean confirmLockout) {}

  private final IpRuleService rules;
  private final ClientAddressResolver addresses;

  IpRulesApiController(IpRuleService rules, ClientAddressResolver addresses) {
    this.rules = rules;
    this.addresses = addresses;
  }

  @GetMapping
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_settings:read')")
  List<RuleView> list() {
    return rules.all().stream().map(RuleView::of).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_settings:write')")
  RuleView create(@RequestBody CreateRequest body, HttpServletRequest request) {
    IpScope scope = IpRulesController.scope(body.scope() == null ? "" : body.scope());
    return RuleView.of(
        rules.add(
            scope,
            body.cidr(),
            body.label(),
            Boolean.TRUE.equals(body.confirmLockout()),
            addresses.resolve(request),
            IpScope.API));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_settings:write')")
  ResponseEntity<Void> delete(
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean confirmLockout,
      HttpServletRequest request) {
    rules.remove(id, confirmLockout, addresses.resolve(request), IpScope.API);
    return ResponseEntity.noContent().build();
  }
}
