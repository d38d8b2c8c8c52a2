package dev.hikyaku.campaigns;

import dev.hikyaku.approval.ApprovalRequest;
import dev.hikyaku.approval.ApprovalService;
import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.domains.DomainDetails;
import dev.hikyaku.domains.ExpectedRecord;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.test.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Test helpers shared by the campaign send tests: a verified domain, an audience, a campaign. */
final class CampaignFlows {

  private CampaignFlows() {}

  /** Adds {@code name} as a sending domain, publishes its records in {@code zone}, verifies it. */
  static void verifiedDomain(SendingDomainService domains, InMemoryZone zone, String name) {
    DomainDetails d = domains.add(name);
    for (ExpectedRecord r : d.records()) {
      switch (r.kind()) {
        case DKIM, DMARC -> zone.txt(r.name(), r.value());
        case SPF -> zone.txt(r.name(), "v=spf1 ip4:192.0.2.10 -all");
        case RETURN_PATH_MX -> zone.mx(r.name(), 10, "mx.hikyaku.test");
        default -> {}
      }
    }
    if (!domains.verify(d.domain().id()).domain().verified()) {
      throw new IllegalStateException("the test domain did not verify");
    }
  }

  static Audience audience(AudienceService audiences, String name, List<String> addresses) {
    Audience a = audiences.create(name, "");
    int i = 0;
    for (String address : addresses) {
      audiences.putContact(a.id(), address, "受信者 " + (++i) + " 様", "飛脚商事", Map.of("plan", "gold"));
    }
    return audiences.get(a.id());
  }

  static CampaignContent content(String domain, long audienceId, CampaignContent.Charset charset) {
    return new CampaignContent(
        "11月のお知らせ",
        domain,
        "news",
        "飛脚ニュース",
        "",
        "{{name}}へ 11月のお知らせ",
        "{{name}}\n\nいつもありがとうございます。プラン: {{plan|なし}}\n",
        "<p>{{name}}</p><p>いつもありがとうございます。</p>",
        charset,
        CampaignContent.Language.JA,
        Optional.of(audienceId),
        List.of("seed1@example.net", "seed2@example.net"));
  }

  /**
   * Has the campaign approved the way people do it (an author submits, an approver approves the
   * hash they saw) and starts it; fails the test if any gate refuses.
   */
  static SendJob approvedStart(
      CampaignService campaigns, ApprovalService approvals, Fixtures fixtures, long id) {
    approve(campaigns, approvals, fixtures, id);
    return campaigns.start(id).orElseThrow();
  }

  /** An author submits the campaign and an approver approves it. */
  static ApprovalRequest approve(
      CampaignService campaigns, ApprovalService approvals, Fixtures fixtures, long id) {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    ApprovalRequest r = fixtures.as(author, () -> campaigns.submit(id));
    return fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), "ok"));
  }

  /** Waits up to 30 s for the send job to complete and fails the test if it does not. */
  static void awaitCompleted(dev.hikyaku.delivery.DeliveryService delivery, long jobId)
      throws InterruptedException {
    if (!await(
        Duration.ofSeconds(30),
        () -> delivery.job(jobId).state() == dev.hikyaku.delivery.SendJob.State.COMPLETED)) {
      throw new AssertionError(
          "send job " + jobId + " did not complete: " + delivery.progress(jobId).counts());
    }
  }

  /** Waits up to {@code timeout} for {@code done}; false if it never became true. */
  static boolean await(Duration timeout, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return done.getAsBoolean();
  }
}
