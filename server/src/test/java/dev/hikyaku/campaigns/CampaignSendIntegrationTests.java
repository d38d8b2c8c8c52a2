package dev.hikyaku.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Suppression;
import dev.hikyaku.audience.SuppressionService;
import dev.hikyaku.delivery.CapturedMessage;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.DeliveryState;
import dev.hikyaku.delivery.JobProgress;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.identity.Role;
import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dkim.DkimVerifier;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import dev.hikyaku.test.MutableClock;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A campaign from start to the capture mailbox (the route of a fresh install). */
@HikyakuTest
class CampaignSendIntegrationTests {

  @Autowired CampaignService campaigns;
  @Autowired dev.hikyaku.approval.ApprovalService approvals;
  @Autowired AudienceService audiences;
  @Autowired SuppressionService suppressions;
  @Autowired SendingDomainService domains;
  @Autowired DeliveryService delivery;
  @Autowired InMemoryZone zone;
  @Autowired MutableClock clock;
  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  private static List<String> addresses(String prefix, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + "@example.org").toList();
  }

  @Test
  void everyUnsuppressedContactShouldGetExactlyOneSignedPersonalMessage() throws Exception {
    CampaignFlows.verifiedDomain(domains, zone, "news.flow-one.jp");
    Audience a = CampaignFlows.audience(audiences, "flow one", addresses("one", 30));
    suppressions.suppress("one3@example.org", Suppression.Reason.BOUNCED, "5.1.1");
    suppressions.suppress("one4@example.org", Suppression.Reason.UNSUBSCRIBED, "test");
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.flow-one.jp", a.id(), CampaignContent.Charset.UTF_8));
    long before = newestCaptured();

    SendJob job = CampaignFlows.approvedStart(campaigns, approvals, fixtures, c.id());
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.STARTED);
    CampaignFlows.awaitCompleted(delivery, job.id());
    JobProgress p = delivery.progress(job.id());
    assertThat(p.count(DeliveryState.DELIVERED)).isEqualTo(28);
    assertThat(p.total()).isEqualTo(28);

    List<byte[]> messages = capturedSince(before);
    assertThat(messages).hasSize(28);
    List<String> recipients = new ArrayList<>();
    DkimVerifier verifier = new DkimVerifier(zone, clock);
    for (byte[] raw : messages) {
      MimeMessage m =
          new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
      // One message per recipient: To is that one person, no Cc, no Bcc.
      assertThat(m.getRecipients(jakarta.mail.Message.RecipientType.TO)).hasSize(1);
      assertThat(m.getRecipients(jakarta.mail.Message.RecipientType.CC)).isNull();
      assertThat(m.getHeader("Bcc")).isNull();
      String to =
          ((InternetAddress) m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0])
              .getAddress();
      recipients.add(to);
      assertThat(m.getSubject()).endsWith("様へ 11月のお知らせ");
      assertThat(m.getHeader("List-Unsubscribe")[0]).contains("mailto:unsubscribe+");
      assertThat(m.getHeader("List-Id")[0]).contains(".news.flow-one.jp>");
      assertThat(m.getMessageID()).endsWith("@news.flow-one.jp>");
      // The visible unsubscribe link ends the text part (decoded from its transfer encoding).
      assertThat(textPart(m)).contains("配信停止はこちら: http://127.0.0.1:8080/u/");
      List<DkimVerification> dkim = verifier.verify(raw);
      assertThat(dkim)
          .hasSize(2)
          .allSatisfy(v -> assertThat(v.result()).isEqualTo(DkimResult.PASS));
    }
    assertThat(recipients)
        .doesNotHaveDuplicates()
        .hasSize(28)
        .doesNotContain("one3@example.org", "one4@example.org");
    assertThat(delivery.captured(0, 500))
        .filteredOn(m -> m.recipient().equals("one1@example.org"))
        .first()
        .satisfies(m ->
            assertThat(m.envelopeFrom())
                .matches("bounce\\+[a-z0-9]{26}@bounces\\.news\\.flow-one\\.jp"));
    // Every attempt is queryable per recipient.
    assertThat(delivery.forRecipient("one1@example.org"))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.state()).isEqualTo(DeliveryState.DELIVERED);
          assertThat(r.history())
              .singleElement()
              .satisfies(h -> assertThat(h.route()).isEqualTo("capture"));
        });
    // A started campaign is frozen.
    assertThatThrownBy(() -> campaigns.update(c.id(), c.version(), c.content()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aTestSendShouldReachOnlyTheSeedListMarkedAsATest() throws Exception {
    CampaignFlows.verifiedDomain(domains, zone, "news.flow-two.jp");
    Audience a = CampaignFlows.audience(audiences, "flow two", addresses("two", 5));
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.flow-two.jp", a.id(), CampaignContent.Charset.ISO_2022_JP));
    long before = newestCaptured();
    SendJob job = campaigns.testSend(c.id());
    CampaignFlows.awaitCompleted(delivery, job.id());
    List<byte[]> messages = capturedSince(before);
    assertThat(messages).hasSize(2);
    for (byte[] raw : messages) {
      MimeMessage m =
          new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
      assertThat(m.getSubject()).startsWith("[テスト] 受信者 1 様へ");
      assertThat(textPartType(m)).containsIgnoringCase("iso-2022-jp");
      assertThat(textPart(m)).contains("いつもありがとうございます");
    }
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.DRAFT);
    assertThat(delivery.forRecipient("two1@example.org")).isEmpty();
  }

  @Test
  void anAttachmentShouldGoWithEveryMessageUnderItsJapaneseName() throws Exception {
    CampaignFlows.verifiedDomain(domains, zone, "news.flow-seven.jp");
    Audience a = CampaignFlows.audience(audiences, "flow seven", addresses("seven", 2));
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.flow-seven.jp", a.id(), CampaignContent.Charset.UTF_8));
    byte[] pdf = "%PDF-1.4 見積書のテスト".getBytes(StandardCharsets.UTF_8);
    campaigns.attach(c.id(), "C:\\Users\\sato\\見積書 2026年11月.pdf", "application/pdf", pdf);
    assertThat(campaigns.attachments(c.id()))
        .singleElement()
        .satisfies(f -> assertThat(f.fileName()).isEqualTo("見積書 2026年11月.pdf"));
    assertThat(campaigns.get(c.id()).version()).isEqualTo(c.version() + 1);
    long before = newestCaptured();
    SendJob job = CampaignFlows.approvedStart(campaigns, approvals, fixtures, c.id());
    CampaignFlows.awaitCompleted(delivery, job.id());
    List<byte[]> messages = capturedSince(before);
    assertThat(messages).hasSize(2);
    for (byte[] raw : messages) {
      MimeMessage m =
          new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
      var mixed = (jakarta.mail.internet.MimeMultipart) m.getContent();
      var file = mixed.getBodyPart(mixed.getCount() - 1);
      assertThat(jakarta.mail.internet.MimeUtility.decodeText(file.getFileName()))
          .isEqualTo("見積書 2026年11月.pdf");
      assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
    }
    assertThatThrownBy(() -> campaigns.attach(c.id(), "late.pdf", "application/pdf", pdf))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anOldCarrierAddressShouldEndInAKnownStateAtOnceNotRetriedForDays() throws Exception {
    CampaignFlows.verifiedDomain(domains, zone, "news.flow-eight.jp");
    Audience a =
        CampaignFlows.audience(
            audiences, "flow eight", List.of("taro..yamada.@docomo.ne.jp", "eight@example.org"));
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.flow-eight.jp", a.id(), CampaignContent.Charset.UTF_8));
    SendJob job = CampaignFlows.approvedStart(campaigns, approvals, fixtures, c.id());
    CampaignFlows.awaitCompleted(delivery, job.id());
    assertThat(delivery.forRecipient("taro..yamada.@docomo.ne.jp"))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.state()).isEqualTo(DeliveryState.BOUNCED);
          assertThat(r.lastReply()).contains("quoted local part");
        });
    // Not the address's fault: it stays sendable for when Hikyaku can write it.
    assertThat(suppressions.isSuppressed("taro..yamada.@docomo.ne.jp")).isFalse();
    assertThat(delivery.forRecipient("eight@example.org"))
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(DeliveryState.DELIVERED));
  }

  @Test
  void pausingShouldStopSendingAndCancelShouldLeaveTheRestUnsent() throws Exception {
    CampaignFlows.verifiedDomain(domains, zone, "news.flow-three.jp");
    Audience a = CampaignFlows.audience(audiences, "flow three", addresses("three", 40));
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.flow-three.jp", a.id(), CampaignContent.Charset.UTF_8));
    SendJob job = CampaignFlows.approvedStart(campaigns, approvals, fixtures, c.id());
    delivery.pause(job.id());
    Thread.sleep(2500);
    JobProgress paused = delivery.progress(job.id());
    assertThat(paused.job().state()).isEqualTo(SendJob.State.PAUSED);
    assertThat(paused.count(DeliveryState.DELIVERED)).isZero();
    assertThat(paused.total()).as("expansion goes on while paused").isEqualTo(40);
    // The console's progress block polls itself while the send is active, and stops when it ends.
    var operator = fixtures.user("flow.three.op", Role.OPERATOR);
    String block =
        mvc.perform(get("/campaigns/" + c.id() + "/progress").session(fixtures.session(operator)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(block).contains("hx-trigger=\"every 2s\"").containsPattern("id=\"n-queued\">40<");
    delivery.cancel(job.id());
    JobProgress cancelled = delivery.progress(job.id());
    assertThat(cancelled.job().state()).isEqualTo(SendJob.State.CANCELLED);
    assertThat(cancelled.count(DeliveryState.CANCELLED)).isEqualTo(40);
    assertThatThrownBy(() -> delivery.resume(job.id())).isInstanceOf(InvalidInputException.class);
    assertThat(
            mvc.perform(
                    get("/campaigns/" + c.id() + "/progress").session(fixtures.session(operator)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("hx-trigger");
  }

  @Test
  void oneClickUnsubscribeShouldSuppressAndAGetShouldNot() throws Exception {
    CampaignFlows.verifiedDomain(domains, zone, "news.flow-four.jp");
    Audience a = CampaignFlows.audience(audiences, "flow four", addresses("four", 2));
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.flow-four.jp", a.id(), CampaignContent.Charset.UTF_8));
    SendJob job = CampaignFlows.approvedStart(campaigns, approvals, fixtures, c.id());
    CampaignFlows.awaitCompleted(delivery, job.id());
    String token =
        delivery.deliveries(job.id(), null, 0, 10).stream()
            .filter(d -> d.recipient().equals("four1@example.org"))
            .findFirst()
            .map(d -> tokenOf(d.id()))
            .orElseThrow();
    mvc.perform(get("/u/" + token)).andExpect(status().isOk());
    assertThat(suppressions.isSuppressed("four1@example.org")).as("GET changes nothing").isFalse();
    mvc.perform(
            post("/u/" + token)
                .contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click"))
        .andExpect(status().isOk());
    assertThat(suppressions.find("four1@example.org"))
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(Suppression.Reason.UNSUBSCRIBED));
    assertThat(suppressions.isSuppressed("four2@example.org")).isFalse();
    mvc.perform(
            post("/u/aaaaaaaaaaaaaaaaaaaaaaaaaa")
                .contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anOperatorFromOutsideTheSendNetworkOrAnAuthorMayNotStart() throws Exception {
    CampaignFlows.verifiedDomain(domains, zone, "news.flow-five.jp");
    Audience a = CampaignFlows.audience(audiences, "flow five", addresses("five", 1));
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.flow-five.jp", a.id(), CampaignContent.Charset.UTF_8));
    var author = fixtures.user("flow.author", Role.AUTHOR);
    mvc.perform(
            post("/campaigns/" + c.id() + "/start")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .session(fixtures.session(author)))
        .andExpect(status().isForbidden());
    assertThat(campaigns.get(c.id()).status()).isEqualTo(Campaign.Status.DRAFT);
  }

  @Test
  void anEmptyAudienceShouldBeRefusedAtStart() {
    CampaignFlows.verifiedDomain(domains, zone, "news.flow-six.jp");
    Audience a = audiences.create("flow six (empty)", "");
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.flow-six.jp", a.id(), CampaignContent.Charset.UTF_8));
    assertThatThrownBy(() -> campaigns.start(c.id()))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("audience-empty");
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private static jakarta.mail.BodyPart textBodyPart(MimeMessage m) throws Exception {
    var multipart = (jakarta.mail.internet.MimeMultipart) m.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      if (multipart.getBodyPart(i).isMimeType("text/plain")) {
        return multipart.getBodyPart(i);
      }
    }
    throw new AssertionError("no text/plain part");
  }

  private static String textPart(MimeMessage m) throws Exception {
    return (String) textBodyPart(m).getContent();
  }

  private static String textPartType(MimeMessage m) throws Exception {
    return textBodyPart(m).getContentType();
  }

  private String tokenOf(long deliveryId) {
    return jdbc.sql("SELECT token FROM delivery WHERE id = :id")
        .param("id", deliveryId)
        .query(String.class)
        .single();
  }

  private long newestCaptured() {
    return delivery.captured(0, 1).stream().mapToLong(CapturedMessage::id).findFirst().orElse(0);
  }

  private List<byte[]> capturedSince(long id) {
    List<byte[]> out = new ArrayList<>();
    for (CapturedMessage m : delivery.captured(0, 500)) {
      if (m.id() > id) {
        out.add(delivery.capturedContent(m.id()).orElseThrow());
      }
    }
    return out;
  }
}
