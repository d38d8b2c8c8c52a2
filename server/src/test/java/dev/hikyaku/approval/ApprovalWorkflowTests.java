package dev.hikyaku.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Suppression;
import dev.hikyaku.audience.SuppressionService;
import dev.hikyaku.audit.AuditEntry;
import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditRepository;
import dev.hikyaku.campaigns.Campaign;
import dev.hikyaku.campaigns.CampaignContent;
import dev.hikyaku.campaigns.CampaignService;
import dev.hikyaku.domains.DomainDetails;
import dev.hikyaku.domains.ExpectedRecord;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.network.IpRuleService;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.MutableClock;
import dev.hikyaku.test.TestClockConfiguration;
import dev.hikyaku.test.TestDatabase;
import dev.hikyaku.test.TestDnsConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The approval state machine with the product's defaults (a test send before approval, a cancel
 * window): every transition, and every forbidden one refused on the server.
 */
@SpringBootTest(
    properties = {"hikyaku.approval.large-audience=8", "hikyaku.approval.cancel-window=30s"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
@Import({TestClockConfiguration.class, TestDnsConfiguration.class})
class ApprovalWorkflowTests {

  @Autowired CampaignService campaigns;
  @Autowired dev.hikyaku.campaigns.CampaignReview review;
  @Autowired ApprovalService approvals;
  @Autowired ProxyApprovers proxies;
  @Autowired AudienceService audiences;
  @Autowired SuppressionService suppressions;
  @Autowired SendingDomainService domains;
  @Autowired InMemoryZone zone;
  @Autowired MutableClock clock;
  @Autowired Fixtures fixtures;
  @Autowired AuditRepository audit;
  @Autowired IpRuleService ipRules;
  @Autowired MockMvc mvc;

  @AfterEach
  void openNetworks() {
    ipRules.clear(IpScope.SEND);
  }

  // --- the happy path and its audit trail

  @Test
  void anAuthorSubmitsAfterATestSendAnotherPersonApprovesAndTheSendStartsInItsCancelWindow() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "happy", 3);

    refused(
        () -> fixtures.as(author, () -> campaigns.submit(c.id())), "approval-test-send-required");
    testSent(author, c.id());
    ApprovalRequest r = fixtures.as(author, () -> campaigns.submit(c.id()));
    assertThat(r.state()).isEqualTo(ApprovalRequest.State.PENDING);
    assertThat(r.required()).isEqualTo(1);
    assertThat(r.recipients()).isEqualTo(3);
    assertThat(r.contentHash()).isEqualTo(review.hash(campaigns.get(c.id()))).hasSize(64);
    refused(() -> campaigns.start(c.id()), "approval-pending");

    ApprovalRequest approved =
        fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), "looks right"));
    assertThat(approved.state()).isEqualTo(ApprovalRequest.State.APPROVED);
    assertThat(approved.expiresAt()).contains(clock.instant().plus(Duration.ofHours(72)));

    var job = campaigns.start(c.id()).orElseThrow();
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.STARTED);
    assertThat(job.notBefore()).isEqualTo(clock.instant().plusSeconds(30));

    AuditEntry submitted = last("approval.submit", "user:" + author.username());
    assertThat(submitted.after()).contains("sha256 " + r.contentHash()).contains("3 recipients");
    AuditEntry decided = last("approval.approve", "user:" + approver.username());
    assertThat(decided.target()).isEqualTo("campaign:" + c.id());
    assertThat(decided.after()).contains("sha256 " + r.contentHash()).contains("looks right");
    assertThat(last("campaign.start", "").after()).contains("first message after 30 s");
  }

  // --- who may approve

  @Test
  void theAuthorMayNeverApproveTheirOwnSubmissionEvenHoldingTheApproverRole() {
    User both = fixtures.user(Fixtures.unique("both"), Role.AUTHOR, Role.APPROVER);
    User admin = fixtures.user(Fixtures.unique("admin"), Role.ADMIN);
    Campaign c = draft(both, "self", 2);
    ApprovalRequest r = submitted(both, c);

    refused(
        () -> fixtures.as(both, () -> approvals.approve(r.id(), r.contentHash(), "")),
        "approval-self");
    refused(
        () -> fixtures.as(admin, () -> approvals.approve(r.id(), r.contentHash(), "")),
        "approval-not-approver");
    assertThat(approvals.get(r.id()).state()).isEqualTo(ApprovalRequest.State.PENDING);
    assertThat(denied("approval.approve", both)).isNotEmpty();
  }

  @Test
  void someoneWhoEditedTheContentMayNotApproveItEither() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User editor = fixtures.user(Fixtures.unique("editor"), Role.AUTHOR, Role.APPROVER);
    Campaign c = draft(author, "editor", 2);
    fixtures.as(editor, () -> campaigns.update(c.id(), c.version(), content(c, "編集後の件名")));
    ApprovalRequest r = submitted(author, campaigns.get(c.id()));
    assertThat(r.authors()).contains(author.username(), editor.username());
    refused(
        () -> fixtures.as(editor, () -> approvals.approve(r.id(), r.contentHash(), "")),
        "approval-self");
  }

  @Test
  void anApprovalOfOtherContentThanTheReviewedPageIsRefused() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    ApprovalRequest r = submitted(author, draft(author, "hash", 2));
    refused(
        () -> fixtures.as(approver, () -> approvals.approve(r.id(), "0".repeat(64), "")),
        "approval-hash-mismatch");
    refused(
        () -> fixtures.as(approver, () -> approvals.approve(r.id(), null, "")),
        "approval-hash-mismatch");
  }

  // --- changes after submission or approval

  @Test
  void anEditAfterApprovalVoidsItAndTheSendIsRefusedUntilApprovedAgain() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User second = fixtures.user(Fixtures.unique("second"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "void", 2);
    ApprovalRequest r = submitted(author, c);
    fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), "ok"));

    Campaign before = campaigns.get(c.id());
    fixtures.as(second, () -> campaigns.update(c.id(), before.version(), content(before, "差し替え")));
    assertThat(approvals.get(r.id()).state()).isEqualTo(ApprovalRequest.State.VOIDED);
    assertThat(approvals.get(r.id()).closingNote()).contains("user:" + second.username());
    refused(() -> campaigns.start(c.id()), "approval-required");
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.DRAFT);

    // Resubmitted, the approver sees what changed since the version they approved.
    testSent(second, c.id());
    ApprovalRequest again = fixtures.as(second, () -> campaigns.submit(c.id()));
    var diff = approvals.comparison(again.id()).orElseThrow();
    assertThat(diff.previousRequest()).isEqualTo(r.id());
    assertThat(diff.lines())
        .contains(
            new ContentDiff.Line(ContentDiff.Line.Kind.REMOVED, "Subject: {{name}}へ 11月のお知らせ"),
            new ContentDiff.Line(ContentDiff.Line.Kind.ADDED, "Subject: 差し替え"));
    fixtures.as(approver, () -> approvals.approve(again.id(), again.contentHash(), "ok"));
    assertThat(campaigns.start(c.id())).isPresent();
  }

  @Test
  void anAttachmentAddedAfterApprovalVoidsIt() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "attach", 2);
    ApprovalRequest r = submitted(author, c);
    fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), "ok"));
    fixtures.as(
        author,
        () -> campaigns.attach(c.id(), "案内.pdf", "application/pdf", "%PDF-1.4 x".getBytes()));
    assertThat(approvals.get(r.id()).state()).isEqualTo(ApprovalRequest.State.VOIDED);
    refused(() -> campaigns.start(c.id()), "approval-required");
  }

  @Test
  void anEditWhileApprovalIsPendingVoidsTheRequestAndTheApproverCannotApproveIt() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "pending-edit", 2);
    ApprovalRequest r = submitted(author, c);
    fixtures.as(author, () -> campaigns.update(c.id(), c.version(), content(c, "直前の変更")));
    refused(
        () -> fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), "")),
        "approval-not-pending");
  }

  // --- rejection, withdrawal, expiry

  @Test
  void aRejectionNeedsACommentAndSendsTheCampaignBackToItsAuthor() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "reject", 2);
    ApprovalRequest r = submitted(author, c);
    refused(
        () -> fixtures.as(approver, () -> approvals.reject(r.id(), r.contentHash(), " ")),
        "approval-comment-required");
    ApprovalRequest rejected =
        fixtures.as(approver, () -> approvals.reject(r.id(), r.contentHash(), "宛先が違います"));
    assertThat(rejected.state()).isEqualTo(ApprovalRequest.State.REJECTED);
    assertThat(rejected.closingNote()).isEqualTo("宛先が違います");
    refused(() -> campaigns.start(c.id()), "approval-rejected");
    refused(
        () -> fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), "")),
        "approval-not-pending");
    // The author fixes it and submits again: a new request.
    Campaign fixed = campaigns.get(c.id());
    fixtures.as(author, () -> campaigns.update(c.id(), fixed.version(), content(fixed, "修正版")));
    assertThat(submitted(author, campaigns.get(c.id())).id()).isGreaterThan(r.id());
  }

  @Test
  void theAuthorMayWithdrawAnOpenRequestButNobodyElse() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User other = fixtures.user(Fixtures.unique("other"), Role.AUTHOR);
    ApprovalRequest r = submitted(author, draft(author, "withdraw", 2));
    refused(
        () -> fixtures.as(other, () -> approvals.withdraw(r.id())), "approval-not-withdrawable");
    assertThat(fixtures.as(author, () -> approvals.withdraw(r.id())).state())
        .isEqualTo(ApprovalRequest.State.WITHDRAWN);
  }

  @Test
  void anExpiredApprovalNoLongerLetsTheSendStart() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "expiry", 2);
    ApprovalRequest r = submitted(author, c);
    fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), "ok"));
    clock.advance(Duration.ofHours(72).plusMinutes(1));
    refused(() -> campaigns.start(c.id()), "approval-expired");
    assertThat(approvals.get(r.id()).state()).isEqualTo(ApprovalRequest.State.EXPIRED);
  }

  // --- policies

  @Test
  void aLargeAudienceNeedsTwoDistinctApprovers() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User first = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    User second = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "large", 9);
    ApprovalRequest r = submitted(author, c);
    assertThat(r.required()).isEqualTo(2);
    ApprovalRequest one = fixtures.as(first, () -> approvals.approve(r.id(), r.contentHash(), ""));
    assertThat(one.state()).isEqualTo(ApprovalRequest.State.PENDING);
    assertThat(one.approvals()).isEqualTo(1);
    refused(() -> campaigns.start(c.id()), "approval-pending");
    refused(
        () -> fixtures.as(first, () -> approvals.approve(r.id(), r.contentHash(), "")),
        "approval-already-decided");
    ApprovalRequest two = fixtures.as(second, () -> approvals.approve(r.id(), r.contentHash(), ""));
    assertThat(two.state()).isEqualTo(ApprovalRequest.State.APPROVED);
    assertThat(campaigns.start(c.id())).isPresent();
  }

  @Test
  void anAudienceThatGrewPastThePolicyOrBeyondWhatWasApprovedIsRefused() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "grew", 3);
    ApprovalRequest r = submitted(author, c);
    fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), ""));
    long audience = c.content().audienceId().orElseThrow();
    IntStream.rangeClosed(1, 20)
        .forEach(
            i -> audiences.putContact(audience, "more" + i + "@grew.example", "", "", Map.of()));
    refused(() -> campaigns.start(c.id()), "approval-more-needed");
  }

  @Test
  void aProxyApprovesInTheAbsentApproversPlaceOnlyDuringTheirPeriod() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User boss = fixtures.user(Fixtures.unique("boss"), Role.APPROVER);
    User deputy = fixtures.user(Fixtures.unique("deputy"), Role.OPERATOR);
    User noMfa = fixtures.user(Fixtures.unique("nomfa"), Role.OPERATOR);
    fixtures.enrolTotp(deputy);
    Instant now = clock.instant();

    refused(
        () ->
            fixtures.as(
                boss,
                () ->
                    proxies.delegate(
                        boss.username(), noMfa.username(), now, now.plusSeconds(3600), "")),
        "delegation-proxy-mfa");
    refused(
        () ->
            fixtures.as(
                deputy,
                () ->
                    proxies.delegate(
                        boss.username(), deputy.username(), now, now.plusSeconds(3600), "")),
        "delegation-not-allowed");
    Delegation d =
        fixtures.as(
            boss,
            () ->
                proxies.delegate(
                    boss.username(), deputy.username(), now, now.plus(Duration.ofDays(1)), "出張"));
    assertThat(d.activeAt(now)).isTrue();

    ApprovalRequest r = submitted(author, draft(author, "proxy", 2));
    ApprovalRequest approved =
        fixtures.as(deputy, () -> approvals.approve(r.id(), r.contentHash(), "代理で承認"));
    assertThat(approved.state()).isEqualTo(ApprovalRequest.State.APPROVED);
    Decision decision = approved.decisions().getFirst();
    assertThat(decision.decidedBy()).isEqualTo(deputy.username());
    assertThat(decision.onBehalfOf()).isEqualTo(boss.username());
    assertThat(last("approval.approve", "user:" + deputy.username()).after())
        .contains("as proxy for " + boss.username());

    // After the period the deputy is nobody's proxy.
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    ApprovalRequest later = submitted(author, draft(author, "proxy-later", 2));
    refused(
        () -> fixtures.as(deputy, () -> approvals.approve(later.id(), later.contentHash(), "")),
        "approval-not-approver");
  }

  // --- pre-send checks

  @Test
  void blockingFindingsStopTheRequestAndAreShownWithWhereTheyWereFound() throws Exception {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    Campaign c = draft(author, "findings", 2);
    StringBuilder pasted = new StringBuilder("{{name}} 様\n\n先日の参加者:\n");
    IntStream.rangeClosed(1, 12)
        .forEach(i -> pasted.append("guest").append(i).append("@customer.example\n"));
    Campaign edited =
        fixtures.as(
            author,
            () ->
                campaigns.update(
                    c.id(),
                    c.version(),
                    with(c, c.content().subject(), pasted.toString(), c.content().sendAt())));
    StringBuilder csv = new StringBuilder("氏名,会社,電話,メール\n");
    IntStream.rangeClosed(1, 40)
        .forEach(i ->
            csv.append("顧客")
                .append(i)
                .append(",飛脚商事,03-1234-")
                .append(1000 + i)
                .append(",customer")
                .append(i)
                .append("@client.example\n"));
    fixtures.as(
        author,
        () ->
            campaigns.attach(
                edited.id(),
                "顧客一覧.csv",
                "text/csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    var findings = review.findings(c.id());
    assertThat(findings)
        .filteredOn(f -> f.severity() == dev.hikyaku.approval.checks.Finding.Severity.BLOCKING)
        .extracting(dev.hikyaku.approval.checks.Finding::code)
        .contains("content-address-list", "attachment-address-list");
    assertThat(findings)
        .filteredOn(f -> f.code().equals("attachment-address-list"))
        .allSatisfy(f -> assertThat(f.location()).contains("顧客一覧.csv"));
    testSent(author, c.id());
    refused(() -> fixtures.as(author, () -> campaigns.submit(c.id())), "approval-blocked");
    assertThat(approvals.latest(new SubjectRef("campaign", c.id()))).isEmpty();
    assertThat(denied("approval.submit", author)).isNotEmpty();
  }

  // --- the web and API layers

  @Test
  void sendingWithoutApprovalThroughTheApiIsRefusedAndNothingStarts() throws Exception {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User operator = fixtures.user(Fixtures.unique("operator"), Role.OPERATOR);
    Campaign c = draft(author, "api", 2);
    mvc.perform(
            post("/api/v1/campaigns/" + c.id() + "/start")
                .header("Authorization", "Bearer " + fixtures.token(operator)))
        .andExpect(status().isBadRequest())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code")
                .value("approval-required"));
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.DRAFT);
    assertThat(denied("campaign.start", operator)).isNotEmpty();
  }

  @Test
  void anApprovalFromOutsideTheSendNetworkIsRefusedAndLogged() throws Exception {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "network", 2);
    ApprovalRequest r = submitted(author, c);
    ipRules.add(IpScope.SEND, "192.0.2.0/24", "office", true, null, null);
    var session = fixtures.session(approver);
    mvc.perform(
            from(
                post("/campaigns/" + c.id() + "/review/approve")
                    .param("request", Long.toString(r.id()))
                    .param("hash", r.contentHash())
                    .with(csrf())
                    .session(session),
                "198.51.100.7"))
        .andExpect(status().isForbidden());
    assertThat(approvals.get(r.id()).state()).isEqualTo(ApprovalRequest.State.PENDING);
    mvc.perform(
            from(
                post("/campaigns/" + c.id() + "/review/approve")
                    .param("request", Long.toString(r.id()))
                    .param("hash", r.contentHash())
                    .with(csrf())
                    .session(session),
                "192.0.2.44"))
        .andExpect(status().is3xxRedirection());
    ApprovalRequest after = approvals.get(r.id());
    assertThat(after.state()).isEqualTo(ApprovalRequest.State.APPROVED);
    assertThat(after.decisions().getFirst().ip()).isEqualTo("192.0.2.44");
    assertThat(last("approval.approve", "user:" + approver.username()).sourceIp())
        .isEqualTo("192.0.2.44");
  }

  @Test
  void theApproverDecidesThroughTheApiWithTheHashTheyReviewed() throws Exception {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    ApprovalRequest r = submitted(author, draft(author, "api-decide", 2));
    String token = fixtures.token(approver);
    mvc.perform(
            post("/api/v1/approvals/" + r.id() + "/approve")
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .content("{\"hash\":\"" + r.contentHash() + "\",\"comment\":\"API\"}"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.state")
                .value("APPROVED"));
  }

  @Test
  void theConsoleShowsTheRequestTheFindingsAndTheDecisionOnlyToWhoMayDecide() throws Exception {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign c = draft(author, "pages", 2);
    ApprovalRequest r = submitted(author, c);
    String show =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/campaigns/" + c.id())
                    .session(fixtures.session(author)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(show).contains("id=\"approval-state\"").contains("waiting for approval");
    String asAuthor = page("/campaigns/" + c.id() + "/review", author);
    assertThat(asAuthor).contains(r.contentHash()).doesNotContain("id=\"approve\"");
    String asApprover = page("/campaigns/" + c.id() + "/review", approver);
    assertThat(asApprover)
        .contains("id=\"approve\"")
        .contains("id=\"preview-desktop\"")
        .contains("id=\"preview-mobile\"")
        .contains("example.org"); // recipients per destination domain
    assertThat(page("/approvals", approver)).contains("/campaigns/" + c.id() + "/review");
    fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), "ok"));
    assertThat(page("/campaigns/" + c.id(), author)).contains("approved");
  }

  private String page(String path, User user) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .session(fixtures.session(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  // --- scheduling

  @Test
  void aScheduledSendStartsAtItsTimeOnlyIfItsGatesStillLetIt() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign plain = draft(author, "schedule", 2);
    Instant at =
        clock
            .instant()
            .plus(Duration.ofHours(5))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Campaign c =
        fixtures.as(
            author, () -> campaigns.update(plain.id(), plain.version(), scheduled(plain, at)));
    ApprovalRequest r = submitted(author, c);
    ApprovalRequest a = fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), ""));
    // Valid from the scheduled time on, not only from the approval.
    assertThat(a.expiresAt()).contains(at.plus(Duration.ofHours(72)));

    assertThat(campaigns.start(c.id())).isEmpty();
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.SCHEDULED);
    campaigns.startDue(c.id()); // not yet due: stays scheduled
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.SCHEDULED);
    clock.advance(Duration.ofHours(5));
    campaigns.startDue(c.id());
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.STARTED);
    assertThat(campaigns.progress(c.id())).isPresent();
  }

  @Test
  void aScheduledSendThatNoLongerPassesAtItsTimeGoesBackToDraftWithTheReason() {
    User author = fixtures.user(Fixtures.unique("author"), Role.AUTHOR);
    User approver = fixtures.user(Fixtures.unique("approver"), Role.APPROVER);
    Campaign plain = draft(author, "schedule-refused", 1);
    Instant at =
        clock
            .instant()
            .plus(Duration.ofHours(1))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Campaign c =
        fixtures.as(
            author, () -> campaigns.update(plain.id(), plain.version(), scheduled(plain, at)));
    ApprovalRequest r = submitted(author, c);
    fixtures.as(approver, () -> approvals.approve(r.id(), r.contentHash(), ""));
    campaigns.start(c.id());
    suppressions.suppress(
        audiences.contacts(c.content().audienceId().orElseThrow(), 0, 1, "").getFirst().email(),
        Suppression.Reason.UNSUBSCRIBED,
        "test");
    clock.advance(Duration.ofHours(1));
    campaigns.startDue(c.id());
    Campaign after = campaigns.get(c.id());
    assertThat(after.status()).isEqualTo(Campaign.Status.DRAFT);
    assertThat(after.refusal()).contains("nobody to send to");

    // An operator may also take a scheduled send back before its time.
    Campaign again = draft(author, "schedule-cancel", 2);
    Campaign s2 =
        fixtures.as(
            author,
            () ->
                campaigns.update(
                    again.id(),
                    again.version(),
                    scheduled(again, clock.instant().plusSeconds(7200))));
    ApprovalRequest r2 = submitted(author, s2);
    fixtures.as(approver, () -> approvals.approve(r2.id(), r2.contentHash(), ""));
    campaigns.start(s2.id());
    campaigns.unschedule(s2.id());
    assertThat(campaigns.get(s2.id()).status()).isEqualTo(Campaign.Status.DRAFT);
    assertThat(campaigns.progress(s2.id())).isEmpty();
  }

  // --- helpers

  private Campaign draft(User author, String name, int recipients) {
    String domain = "news." + name + ".approval.jp";
    if (domains.findByName(domain).isEmpty()) {
      verifiedDomain(domain);
    }
    Audience a = audiences.create("approval " + name + " " + Fixtures.unique("a"), "");
    for (int i = 1; i <= recipients; i++) {
      audiences.putContact(a.id(), name + i + "@example.org", "受信者" + i, "飛脚商事", Map.of());
    }
    CampaignContent content =
        new CampaignContent(
            "承認 " + name,
            domain,
            "news",
            "飛脚ニュース",
            "",
            "{{name}}へ 11月のお知らせ",
            "{{name}} 様\n\nいつもありがとうございます。\n",
            "",
            CampaignContent.Charset.UTF_8,
            CampaignContent.Language.JA,
            Optional.of(a.id()),
            List.of("seed@example.net"));
    return fixtures.as(author, () -> campaigns.create(content));
  }

  private ApprovalRequest submitted(User author, Campaign c) {
    testSent(author, c.id());
    return fixtures.as(author, () -> campaigns.submit(c.id()));
  }

  /** A test send of the campaign as it is, waited for (one test send runs at a time). */
  private void testSent(User author, long id) {
    fixtures.as(author, () -> campaigns.testSend(id));
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (campaigns.testProgress(id).map(p -> p.job().active()).orElse(true)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the test send did not finish");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static CampaignContent content(Campaign c, String subject) {
    return with(c, subject, c.content().bodyText(), c.content().sendAt());
  }

  private static CampaignContent scheduled(Campaign c, Instant at) {
    return with(c, c.content().subject(), c.content().bodyText(), Optional.of(at));
  }

  /** The campaign's content with another subject, text body and schedule. */
  private static CampaignContent with(
      Campaign c, String subject, String bodyText, Optional<Instant> sendAt) {
    CampaignContent x = c.content();
    return new CampaignContent(
        x.name(),
        x.sendingDomain(),
        x.fromLocalPart(),
        x.fromName(),
        x.replyTo(),
        subject,
        bodyText,
        x.bodyHtml(),
        x.charset(),
        x.language(),
        x.audienceId(),
        x.testRecipients(),
        sendAt);
  }

  private void verifiedDomain(String name) {
    DomainDetails d = domains.add(name);
    for (ExpectedRecord rec : d.records()) {
      switch (rec.kind()) {
        case DKIM, DMARC -> zone.txt(rec.name(), rec.value());
        case SPF -> zone.txt(rec.name(), "v=spf1 ip4:192.0.2.10 -all");
        case RETURN_PATH_MX -> zone.mx(rec.name(), 10, "mx.hikyaku.test");
        default -> {}
      }
    }
    assertThat(domains.verify(d.domain().id()).domain().verified()).isTrue();
  }

  private static void refused(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo(code);
  }

  private AuditEntry last(String action, String actor) {
    List<AuditEntry> found =
        audit.find(
            new AuditQuery(null, null, actor.isEmpty() ? null : actor, action, "success", null, 1));
    assertThat(found).as("audit entry %s by %s", action, actor).isNotEmpty();
    return found.getFirst();
  }

  private List<AuditEntry> denied(String action, User who) {
    return audit.find(new AuditQuery(null, null, who.username(), action, "denied", null, 5));
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder from(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String address) {
    return request.with(r -> {
      r.setRemoteAddr(address);
      return r;
    });
  }
}
