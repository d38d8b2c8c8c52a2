package dev.hikyaku.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Suppression;
import dev.hikyaku.audience.SuppressionService;
import dev.hikyaku.delivery.DeliveryRecord;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.DeliveryState;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.delivery.smtp.SubethaTestServer;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.test.HikyakuTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Direct delivery through the engine to a real SMTP server on loopback (SubEthaSMTP) that the test
 * zone names as the MX of every recipient domain: accepted, refused for good, refused for now, a
 * null MX, a domain that does not exist, and a TLS-required domain whose server offers no STARTTLS.
 */
@HikyakuTest
class DirectDeliveryIntegrationTests {

  static final SubethaTestServer SINK =
      SubethaTestServer.builder()
          .refuseRecipient("bad@reject.test", 550, "5.1.1 no such user here")
          .refuseRecipient("later@defer.test", 450, "4.2.1 mailbox busy, try later")
          .start();

  @DynamicPropertySource
  static void direct(DynamicPropertyRegistry registry) {
    registry.add("hikyaku.delivery.mode", () -> "direct");
    registry.add("hikyaku.delivery.direct-port", () -> SINK.address().getPort());
    registry.add("hikyaku.delivery.tls-policies.tlsreq.test", () -> "required");
    registry.add("hikyaku.delivery.connect-timeout", () -> "5s");
  }

  @AfterAll
  static void stop() {
    SINK.close();
  }

  @Autowired CampaignService campaigns;
  @Autowired dev.hikyaku.approval.ApprovalService approvals;
  @Autowired dev.hikyaku.test.Fixtures fixtures;
  @Autowired AudienceService audiences;
  @Autowired SuppressionService suppressions;
  @Autowired SendingDomainService domains;
  @Autowired DeliveryService delivery;
  @Autowired InMemoryZone zone;

  @Test
  void everyRecipientShouldEndInTheStateItsServerDecided() throws Exception {
    zone.address("mx.sink.test", "127.0.0.1");
    for (String domain : List.of("example.org", "reject.test", "defer.test", "tlsreq.test")) {
      zone.mx(domain, 10, "mx.sink.test");
    }
    zone.mx("nullmx.test", 0, ".");
    CampaignFlows.verifiedDomain(domains, zone, "news.direct.jp");
    Audience a =
        CampaignFlows.audience(
            audiences,
            "direct",
            List.of(
                "ok1@example.org",
                "ok2@example.org",
                "bad@reject.test",
                "later@defer.test",
                "x@nullmx.test",
                "y@no-such-domain.test",
                "z@tlsreq.test"));
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.direct.jp", a.id(), CampaignContent.Charset.UTF_8));
    SendJob job = CampaignFlows.approvedStart(campaigns, approvals, fixtures, c.id());
    assertThat(
            CampaignFlows.await(
                Duration.ofSeconds(30),
                () ->
                    delivery.progress(job.id()).count(DeliveryState.QUEUED) == 0
                        && delivery.progress(job.id()).count(DeliveryState.SENDING) == 0
                        && delivery.progress(job.id()).total() == 7))
        .isTrue();

    Map<String, DeliveryRecord> byRecipient =
        delivery.deliveries(job.id(), null, 0, 100).stream()
            .collect(Collectors.toMap(DeliveryRecord::recipient, r -> r));
    assertThat(byRecipient.get("ok1@example.org").state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(byRecipient.get("ok2@example.org").state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(byRecipient.get("ok1@example.org").history())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.route()).isEqualTo("direct");
          assertThat(h.host()).isEqualTo("mx.sink.test");
          assertThat(h.address()).isEqualTo("127.0.0.1");
          assertThat(h.code()).isEqualTo(250);
          assertThat(h.tlsProtocol()).isEmpty(); // the sink offers no STARTTLS: sent in clear
        });
    // 5xx: bounced, and an unknown user is suppressed.
    assertThat(byRecipient.get("bad@reject.test").state()).isEqualTo(DeliveryState.BOUNCED);
    assertThat(byRecipient.get("bad@reject.test").lastReply()).contains("5.1.1");
    assertThat(suppressions.find("bad@reject.test"))
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(Suppression.Reason.BOUNCED));
    // 4xx: deferred for a later attempt, not suppressed.
    assertThat(byRecipient.get("later@defer.test").state()).isEqualTo(DeliveryState.DEFERRED);
    assertThat(byRecipient.get("later@defer.test").nextAttemptAt())
        .isAfter(byRecipient.get("later@defer.test").queuedAt());
    assertThat(suppressions.isSuppressed("later@defer.test")).isFalse();
    // Null MX (RFC 7505) and a domain that does not exist: bounced without a connection.
    assertThat(byRecipient.get("x@nullmx.test").state()).isEqualTo(DeliveryState.BOUNCED);
    assertThat(byRecipient.get("x@nullmx.test").lastReply()).contains("null MX");
    assertThat(byRecipient.get("y@no-such-domain.test").state()).isEqualTo(DeliveryState.BOUNCED);
    // TLS required but not offered: waits, and nothing was sent in clear.
    assertThat(byRecipient.get("z@tlsreq.test").state()).isEqualTo(DeliveryState.DEFERRED);
    assertThat(byRecipient.get("z@tlsreq.test").lastReply()).contains("TLS is required");
    List<SubethaTestServer.Received> received = SINK.received();
    assertThat(received).hasSize(2);
    assertThat(received)
        .allSatisfy(r -> assertThat(r.recipients()).hasSize(1))
        .extracting(r -> r.recipients().get(0))
        .containsExactlyInAnyOrder("ok1@example.org", "ok2@example.org");
    assertThat(received)
        .allSatisfy(
            r -> assertThat(r.from()).startsWith("bounce+").endsWith("@bounces.news.direct.jp"));
  }
}
