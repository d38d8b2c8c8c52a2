package dev.hikyaku.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.delivery.DeliveryRecord;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.DeliveryState;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.delivery.smtp.SubethaTestServer;
import dev.hikyaku.delivery.smtp.TestCertificates;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.test.HikyakuTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Relay mode through the engine: a smarthost (SubEthaSMTP on loopback) that offers STARTTLS with a
 * certificate from a private CA (configured as Hikyaku's trust store) and requires AUTH; TLS is
 * required, the certificate verified for the relay's name, and the credentials only sent over it.
 */
@HikyakuTest
class RelayDeliveryIntegrationTests {

  static final SubethaTestServer RELAY =
      SubethaTestServer.builder()
          .startTls(TestCertificates.get().caIssuedServer())
          .auth("hikyaku-relay", "relay secret")
          .start();

  @DynamicPropertySource
  static void relay(DynamicPropertyRegistry registry) {
    registry.add("hikyaku.delivery.mode", () -> "relay");
    registry.add("hikyaku.delivery.relay.host", () -> TestCertificates.SERVER_NAME);
    registry.add("hikyaku.delivery.relay.port", () -> RELAY.address().getPort());
    registry.add("hikyaku.delivery.relay.username", () -> "hikyaku-relay");
    registry.add("hikyaku.delivery.relay.password", () -> "relay secret");
    registry.add(
        "hikyaku.delivery.trust-store",
        () -> TestCertificates.get().trustStoreFile("changeit").toString());
    registry.add("hikyaku.delivery.trust-store-password", () -> "changeit");
  }

  @AfterAll
  static void stop() {
    RELAY.close();
  }

  @Autowired CampaignService campaigns;
  @Autowired dev.hikyaku.approval.ApprovalService approvals;
  @Autowired dev.hikyaku.test.Fixtures fixtures;
  @Autowired AudienceService audiences;
  @Autowired SendingDomainService domains;
  @Autowired DeliveryService delivery;
  @Autowired InMemoryZone zone;

  @Test
  void campaignMessagesShouldGoThroughTheRelayOverVerifiedTlsWithAuth() throws Exception {
    zone.address(TestCertificates.SERVER_NAME, "127.0.0.1");
    CampaignFlows.verifiedDomain(domains, zone, "news.relay.jp");
    Audience a =
        CampaignFlows.audience(
            audiences, "relay", List.of("a@example.org", "b@example.com", "c@example.net"));
    Campaign c =
        campaigns.create(
            CampaignFlows.content("news.relay.jp", a.id(), CampaignContent.Charset.UTF_8));
    SendJob job = CampaignFlows.approvedStart(campaigns, approvals, fixtures, c.id());
    CampaignFlows.awaitCompleted(delivery, job.id());
    List<DeliveryRecord> records = delivery.deliveries(job.id(), null, 0, 10);
    assertThat(records)
        .hasSize(3)
        .allSatisfy(r -> {
          assertThat(r.state()).isEqualTo(DeliveryState.DELIVERED);
          assertThat(r.history())
              .singleElement()
              .satisfies(h -> {
                assertThat(h.route()).isEqualTo("relay");
                assertThat(h.host()).isEqualTo(TestCertificates.SERVER_NAME);
                assertThat(h.tlsProtocol()).startsWith("TLSv1.");
                assertThat(h.tlsCipher()).isNotEmpty();
                assertThat(h.tlsVerified()).isTrue();
              });
        });
    assertThat(RELAY.received()).hasSize(3).allSatisfy(m -> assertThat(m.recipients()).hasSize(1));
  }
}
