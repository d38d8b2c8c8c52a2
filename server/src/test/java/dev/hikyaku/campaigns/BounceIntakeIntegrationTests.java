package dev.hikyaku.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Suppression;
import dev.hikyaku.audience.SuppressionService;
import dev.hikyaku.delivery.CapturedMessage;
import dev.hikyaku.delivery.DeliveryRecord;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.DeliveryState;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.delivery.inbound.BounceIntake;
import dev.hikyaku.delivery.inbound.BounceListener;
import dev.hikyaku.delivery.inbound.ReceivedBounce;
import dev.hikyaku.delivery.inbound.Verdict;
import dev.hikyaku.delivery.smtp.Envelope;
import dev.hikyaku.delivery.smtp.MailboxPath;
import dev.hikyaku.delivery.smtp.OutboundMessage;
import dev.hikyaku.delivery.smtp.SessionOpening;
import dev.hikyaku.delivery.smtp.SmtpClient;
import dev.hikyaku.delivery.smtp.SmtpSession;
import dev.hikyaku.delivery.smtp.SmtpSettings;
import dev.hikyaku.delivery.smtp.TlsMode;
import dev.hikyaku.delivery.smtp.TransactionOutcome;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.test.HikyakuTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Bounces, complaints and mailto unsubscribes sent over SMTP on loopback to the listener, for the
 * deliveries of a campaign sent to the capture mailbox.
 */
@HikyakuTest
@TestPropertySource(
    properties = {
      "hikyaku.delivery.bounce-listener.enabled=true",
      "hikyaku.delivery.bounce-listener.port=0",
      "hikyaku.delivery.bounce-listener.max-message-size=64KB"
    })
class BounceIntakeIntegrationTests {

  @Autowired CampaignService campaigns;
  @Autowired dev.hikyaku.approval.ApprovalService approvals;
  @Autowired dev.hikyaku.test.Fixtures fixtures;
  @Autowired AudienceService audiences;
  @Autowired SuppressionService suppressions;
  @Autowired SendingDomainService domains;
  @Autowired DeliveryService delivery;
  @Autowired InMemoryZone zone;
  @Autowired BounceListener listener;
  @Autowired BounceIntake intake;

  private final SmtpClient client =
      new SmtpClient(SmtpSettings.builder("mx.sender.test").tlsMode(TlsMode.NONE).build());

  /** Sends a campaign of {@code n} recipients; returns recipient → token. */
  private Map<String, String> sentCampaign(String domain, String prefix, int n) throws Exception {
    CampaignFlows.verifiedDomain(domains, zone, domain);
    List<String> addresses =
        IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + "@example.org").toList();
    Audience a = CampaignFlows.audience(audiences, prefix, addresses);
    Campaign c =
        campaigns.create(CampaignFlows.content(domain, a.id(), CampaignContent.Charset.UTF_8));
    SendJob job = CampaignFlows.approvedStart(campaigns, approvals, fixtures, c.id());
    CampaignFlows.awaitCompleted(delivery, job.id());
    return delivery.captured(0, 500).stream()
        .filter(m -> addresses.contains(m.recipient()))
        .collect(
            Collectors.toMap(
                CapturedMessage::recipient,
                m ->
                    m.envelopeFrom().substring("bounce+".length(), m.envelopeFrom().indexOf('@'))));
  }

  private TransactionOutcome send(String recipient, byte[] message) {
    SessionOpening opening =
        client.open(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port()),
            "mx.hikyaku.test");
    assertThat(opening).isInstanceOf(SessionOpening.Opened.class);
    try (SmtpSession session = ((SessionOpening.Opened) opening).session()) {
      return session.send(
          Envelope.withNullReturnPath(List.of(new MailboxPath(recipient))),
          OutboundMessage.of(message));
    }
  }

  private static void assertAccepted(TransactionOutcome outcome) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            TransactionOutcome.Delivered.class,
            d -> {
              assertThat(d.dataReply().code()).isEqualTo(250);
              assertThat(d.refused()).isEmpty();
            });
  }

  private static void assertRefusedWith550(TransactionOutcome outcome) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            TransactionOutcome.AllRecipientsRefused.class,
            r ->
                assertThat(r.recipients())
                    .singleElement()
                    .satisfies(rr -> assertThat(rr.reply().toString()).startsWith("550 5.1.1")));
  }

  private static byte[] sample(String name) throws IOException {
    try (InputStream in =
        BounceIntakeIntegrationTests.class.getResourceAsStream("/bounces/" + name)) {
      return in.readAllBytes();
    }
  }

  private List<ReceivedBounce> received(String token) {
    return intake.page(0, 500).stream().filter(b -> b.token().equals(token)).toList();
  }

  private DeliveryRecord lookup(String recipient) {
    return delivery.forRecipient(recipient).getFirst();
  }

  @Test
  void aHardBounceShouldBounceTheDeliverySuppressTheAddressAndShowInTheLookup() throws Exception {
    Map<String, String> tokens = sentCampaign("news.bounce-hard.jp", "hard", 2);
    String rp = "@bounces.news.bounce-hard.jp";

    assertAccepted(
        send("bounce+" + tokens.get("hard1@example.org") + rp, sample("postfix-user-unknown.eml")));

    // The report names another address (forwarding): the token decides whose delivery it is.
    DeliveryRecord bounced = lookup("hard1@example.org");
    assertThat(bounced.state()).isEqualTo(DeliveryState.BOUNCED);
    assertThat(bounced.history())
        .anySatisfy(a -> {
          assertThat(a.route()).isEqualTo("bounce");
          assertThat(a.outcome()).isEqualTo("BOUNCED");
          assertThat(a.code()).isEqualTo(550);
          assertThat(a.enhanced()).isEqualTo("5.1.1");
        });
    assertThat(suppressions.find("hard1@example.org"))
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(Suppression.Reason.BOUNCED));
    assertThat(received(tokens.get("hard1@example.org")))
        .singleElement()
        .satisfies(b -> {
          assertThat(b.verdict()).isEqualTo(Verdict.HARD_BOUNCE);
          assertThat(b.summary()).contains("5.1.1");
          assertThat(b.deliveryId()).contains(bounced.id());
        });
    assertThat(suppressions.isSuppressed("hard2@example.org")).isFalse();
    assertThat(lookup("hard2@example.org").state()).isEqualTo(DeliveryState.DELIVERED);
  }

  @Test
  void aDelayWarningShouldBeRecordedWithoutSuppressing() throws Exception {
    Map<String, String> tokens = sentCampaign("news.bounce-delay.jp", "delay", 1);
    String token = tokens.get("delay1@example.org");

    assertAccepted(
        send("bounce+" + token + "@bounces.news.bounce-delay.jp", sample("postfix-delayed.eml")));

    DeliveryRecord d = lookup("delay1@example.org");
    assertThat(d.state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(d.history()).anySatisfy(a -> assertThat(a.outcome()).isEqualTo("DELAYED"));
    assertThat(suppressions.isSuppressed("delay1@example.org")).isFalse();
    assertThat(received(token))
        .singleElement()
        .extracting(ReceivedBounce::verdict)
        .isEqualTo(Verdict.DELAYED);
  }

  @Test
  void aComplaintAndAMailtoUnsubscribeShouldSuppressWithTheirReasons() throws Exception {
    Map<String, String> tokens = sentCampaign("news.bounce-fbl.jp", "fbl", 2);
    String rp = "@bounces.news.bounce-fbl.jp";

    assertAccepted(send("bounce+" + tokens.get("fbl1@example.org") + rp, sample("arf-abuse.eml")));
    assertAccepted(
        send(
            "unsubscribe+" + tokens.get("fbl2@example.org") + rp,
            "Subject: unsubscribe\r\n\r\nplease\r\n".getBytes(StandardCharsets.US_ASCII)));

    assertThat(suppressions.find("fbl1@example.org"))
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(Suppression.Reason.COMPLAINED));
    assertThat(suppressions.find("fbl2@example.org"))
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(Suppression.Reason.UNSUBSCRIBED));
    assertThat(lookup("fbl1@example.org").history())
        .anySatisfy(a -> assertThat(a.outcome()).isEqualTo("COMPLAINED"));
    assertThat(received(tokens.get("fbl2@example.org")))
        .singleElement()
        .extracting(ReceivedBounce::verdict)
        .isEqualTo(Verdict.UNSUBSCRIBE);
  }

  @Test
  void recipientsOtherThanKnownTokensAtOurDomainsShouldBeRefusedAndNothingStored()
      throws Exception {
    Map<String, String> tokens = sentCampaign("news.bounce-refuse.jp", "refuse", 1);
    String token = tokens.get("refuse1@example.org");
    int before = intake.page(0, 500).size();
    byte[] dsn = sample("postfix-user-unknown.eml");

    assertRefusedWith550(
        send("bounce+zzzzzzzzzzzzzzzzzzzzzzzzzz@bounces.news.bounce-refuse.jp", dsn));
    assertRefusedWith550(send("postmaster@bounces.news.bounce-refuse.jp", dsn));
    assertRefusedWith550(send("bounce+" + token + "@elsewhere.example", dsn));

    assertThat(intake.page(0, 500)).hasSize(before);
    assertThat(lookup("refuse1@example.org").state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(suppressions.isSuppressed("refuse1@example.org")).isFalse();
  }

  @Test
  void aMessageOverTheSizeLimitShouldBeRefusedWith552AndTheSessionStayUsable() throws Exception {
    Map<String, String> tokens = sentCampaign("news.bounce-big.jp", "big", 1);
    String rcpt = "bounce+" + tokens.get("big1@example.org") + "@bounces.news.bounce-big.jp";
    int before = intake.page(0, 500).size();

    // A sender that ignores the announced SIZE (RFC 1870): the limit holds at the end of data.
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
      socket.setSoTimeout(10_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      assertThat(reply(in)).startsWith("220");
      assertThat(command(out, in, "EHLO mx.sender.test")).startsWith("250").contains("SIZE 65536");
      assertThat(command(out, in, "MAIL FROM:<>")).startsWith("250");
      assertThat(command(out, in, "RCPT TO:<" + rcpt + ">")).startsWith("250");
      assertThat(command(out, in, "DATA")).startsWith("354");
      String line = "x".repeat(76) + "\r\n";
      out.write("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 1500; i++) {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
      }
      assertThat(command(out, in, ".")).startsWith("552 5.3.4");
      assertThat(command(out, in, "QUIT")).startsWith("221");
    }

    assertThat(intake.page(0, 500)).hasSize(before);
  }

  private static String command(OutputStream out, BufferedReader in, String line)
      throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return reply(in);
  }

  /** One reply, its lines joined with {@code |}. */
  private static String reply(BufferedReader in) throws IOException {
    StringBuilder all = new StringBuilder();
    while (true) {
      String line = in.readLine();
      if (line == null) {
        return all.toString();
      }
      all.append(all.isEmpty() ? "" : "|").append(line);
      if (line.length() < 4 || line.charAt(3) == ' ') {
        return all.toString();
      }
    }
  }
}
