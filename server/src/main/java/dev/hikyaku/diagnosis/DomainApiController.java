package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.domain.DomainReport;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/diagnosis/domain}: a sending domain's DNS as receivers see it, each item
 * pass, info, warn or fail with the fix. A check that does not finish in time is a 504.
 */
@RestController
class DomainApiController {

  private static final String READ = DiagnosisAccess.ANALYZE + DiagnosisAccess.SCOPE;

  /**
   * What to check; only {@code domain} is required, {@code starttls} is on unless false.
   *
   * @param domain the domain
   * @param selectors DKIM selectors (none: common ones)
   * @param sendingAddresses the addresses mail is sent from
   * @param dnsblZones blocklist zones, or {@code common}
   * @param starttls probe STARTTLS on the MX hosts
   */
  record Body(
      String domain,
      List<String> selectors,
      List<String> sendingAddresses,
      List<String> dnsblZones,
      Boolean starttls) {}

  private final DomainDiagnosis domains;

  DomainApiController(DomainDiagnosis domains) {
    this.domains = domains;
  }

  @PostMapping("/api/v1/diagnosis/domain")
  @PreAuthorize(READ)
  DomainReport check(@RequestBody(required = false) Body body) {
    if (body == null) {
      throw new InvalidInputException(
          "domain", "required", "send the domain to check as JSON: {\"domain\": \"...\"}");
    }
    return domains.check(
        new DomainCheckRequest(
            body.domain(),
            body.selectors(),
            body.sendingAddresses(),
            body.dnsblZones(),
            body.starttls() == null || body.starttls()));
  }

  @ExceptionHandler
  ProblemDetail timedOut(CheckTimedOutException e) {
    ProblemDetail p =
        Problems.of(HttpStatus.GATEWAY_TIMEOUT, "check-timeout", "Check timed out", e.getMessage());
    p.setProperty("domain", e.domain());
    return p;
  }
}
