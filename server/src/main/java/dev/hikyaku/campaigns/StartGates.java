package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalSubject;
import dev.hikyaku.approval.SendApproval;
import dev.hikyaku.approval.checks.Finding;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.campaigns.render.CharsetProblem;
import dev.hikyaku.delivery.DeliveryProperties;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.domains.SendingDomainService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gates every campaign passes before it starts: domain, audience, content. */
@Configuration(proxyBeanMethods = false)
class StartGates {

  /** The sending domain is verified (capture mode excepted: nothing leaves the machine). */
  @Bean
  StartGate verifiedDomain(SendingDomainService domains, DeliveryService delivery) {
    return (c, test) ->
        domains.isVerified(c.content().sendingDomain())
                || delivery.mode() == DeliveryProperties.Mode.CAPTURE
            ? Optional.empty()
            : Optional.of(
                new StartGate.Refusal(
                    "domain-not-verified",
                    "the sending domain " + c.content().sendingDomain() + " is not verified",
                    c.content().sendingDomain()));
  }

  /** An audience is chosen and someone in it can be sent to. */
  @Bean
  StartGate audience(AudienceService audiences) {
    return (c, test) -> {
      if (test) {
        return Optional.empty(); // a test goes to the seed list
      }
      if (c.content().audienceId().isEmpty()) {
        return Optional.of(new StartGate.Refusal("audience-required", "choose an audience"));
      }
      return audiences.countSendable(c.content().audienceId().get()) == 0
          ? Optional.of(
              new StartGate.Refusal("audience-empty", "the audience has nobody to send to"))
          : Optional.empty();
    };
  }

  /**
   * The pre-send checks find nothing blocking, and enough people other than its authors approved
   * exactly this content, and that approval is still valid: checked at the moment of sending.
   */
  @Bean
  StartGate approved(SendApproval approvals, CampaignApproval subject) {
    return (c, test) -> {
      if (test) {
        return Optional.empty(); // the seed list is the author's own check, before approval
      }
      ApprovalSubject.Snapshot now = subject.snapshot(c);
      Optional<Finding> blocking =
          now.findings().stream()
              .filter(f -> f.severity() == Finding.Severity.BLOCKING)
              .findFirst();
      if (blocking.isPresent()) {
        return Optional.of(
            new StartGate.Refusal(
                "presend-blocked",
                "the pre-send checks found: " + blocking.get().message(),
                blocking.get().message()));
      }
      return approvals
          .refusal(CampaignApproval.ref(c.id()), now)
          .map(r -> new StartGate.Refusal(r.code(), r.message(), r.args()));
    };
  }

  /** The fixed content can be written in the campaign's charset. */
  @Bean
  StartGate charset(CampaignRenderer renderer) {
    return (c, test) -> {
      List<CharsetProblem> problems =
          renderer
              .draft(c, "check@example.com", Map.of(), "check", "example.com", "a0", false)
              .charsetProblems();
      return problems.isEmpty()
          ? Optional.empty()
          : Optional.of(
              new StartGate.Refusal(
                  "charset-problem",
                  "the content cannot be written in "
                      + c.content().charset()
                      + ": "
                      + problems.get(0).detail(),
                  problems.get(0).detail()));
    };
  }
}
