package dev.hikyaku.e2e.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.audience.Audience;
import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.campaigns.Campaign;
import dev.hikyaku.campaigns.CampaignContent;
import dev.hikyaku.campaigns.CampaignService;
import dev.hikyaku.delivery.Attempt;
import dev.hikyaku.delivery.DeliveryRecord;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.DeliveryState;
import dev.hikyaku.delivery.SendJob;
import dev.hikyaku.domains.DomainDetails;
import dev.hikyaku.domains.ExpectedRecord;
import dev.hikyaku.domains.SendingDomain;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.domains.Verification;
import dev.hikyaku.mailauth.AuthenticationReport;
import dev.hikyaku.mailauth.MessageAuthenticator;
import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dmarc.DmarcResult;
import dev.hikyaku.mailauth.dns.LoopbackDnsServer;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A campaign delivered by Hikyaku in direct mode to a real Postfix (Debian's, a private instance on
 * loopback) and read back from Postfix's mailboxes: both DKIM signatures verify with dkimpy, SPF
 * and DMARC pass aligned against the zone dnsmasq serves, and Postfix's Received header shows the
 * message came over TLS.
 */
class PostfixE2eTests {

  private static final String SENDING_DOMAIN = "news.hikyaku.test";
  private static final String RECIPIENT_DOMAIN = "rcpt.test";
  private static final String MX_HOST = "mx.rcpt.test";
  private static final String BOUNCE_HOST = "bounce-mx.hikyaku.test";

  /** Local part → the contact's name, which the subject template puts first. */
  private static final Map<String, String> RECIPIENTS = new LinkedHashMap<>();

  static {
    RECIPIENTS.put("taro", "山田 太郎");
    RECIPIENTS.put("hanako", "佐藤 花子");
    RECIPIENTS.put("jiro", "鈴木 次郎");
  }

  /** Subject template per charset: both campaigns go to every recipient. */
  private static final Map<CampaignContent.Charset, String> SUBJECTS =
      Map.of(
          CampaignContent.Charset.UTF_8, "{{name}} 様へ 冬のお知らせ",
          CampaignContent.Charset.ISO_2022_JP, "{{name}} 様へ 年末のご案内");

  @Test
  void campaignsShouldArriveInPostfixMailboxesSignedTwiceAlignedAndOverTls() throws Exception {
    Path work = workDir();
    List<String> locals = List.copyOf(RECIPIENTS.keySet());
    try (PostfixInstance postfix =
        PostfixInstance.start(work.resolve("postfix"), RECIPIENT_DOMAIN, locals)) {
      Map<String, String> settings =
          HikyakuInProcess.settings(work.resolve("data"), postfix.port(), BOUNCE_HOST);
      // The DKIM keys exist only once the domain is added: publish them, then start the node.
      DomainDetails added = HikyakuInProcess.addDomain(settings, SENDING_DOMAIN);
      assertThat(added.records())
          .filteredOn(r -> r.kind() == ExpectedRecord.Kind.SPF)
          .singleElement()
          .satisfies(r -> assertThat(r.value()).isEqualTo("v=spf1 ip4:127.0.0.1 -all"));
      TestZone zone = new TestZone(RECIPIENT_DOMAIN, MX_HOST).publish(added.records(), BOUNCE_HOST);
      try (LoopbackDnsServer dns = zone.start()) {
        settings.put("hikyaku.platform.dns-server", dns.address());
        try (ConfigurableApplicationContext ctx = HikyakuInProcess.start(settings)) {
          Verification verification =
              ctx.getBean(SendingDomainService.class).verify(added.domain().id());
          assertThat(verification.domain().status())
              .as("verified through dnsmasq: %s", verification.checks())
              .isEqualTo(SendingDomain.Status.VERIFIED);
          List<Long> jobs = sendCampaigns(ctx);
          awaitDelivered(ctx.getBean(DeliveryService.class), jobs, postfix);
          assertAttemptsWentDirectOverTls(ctx.getBean(DeliveryService.class), jobs.size());
        }
        Dkimpy dkimpy = new Dkimpy(work, zone.txtRecords());
        MessageAuthenticator receiver =
            new MessageAuthenticator(dns.resolver(), Clock.systemUTC(), MX_HOST);
        for (String local : locals) {
          List<Path> files = postfix.mailbox(local);
          assertThat(files).as("%s's mailbox; maillog:%n%s", local, postfix.maillog()).hasSize(2);
          List<String> subjects = new ArrayList<>();
          for (Path file : files) {
            ReceivedMessage message = ReceivedMessage.read(file);
            assertReceived(message, local, dkimpy, receiver);
            subjects.add(EncodedWords.decode(message.first("Subject")));
          }
          String name = RECIPIENTS.get(local);
          assertThat(subjects).containsExactlyInAnyOrder(name + " 様へ 冬のお知らせ", name + " 様へ 年末のご案内");
        }
      }
    }
  }

  private static List<Long> sendCampaigns(ConfigurableApplicationContext ctx) {
    AudienceService audiences = ctx.getBean(AudienceService.class);
    CampaignService campaigns = ctx.getBean(CampaignService.class);
    Audience audience = audiences.create("postfix-e2e", "");
    RECIPIENTS.forEach((local, name) ->
        audiences.putContact(
            audience.id(), local + "@" + RECIPIENT_DOMAIN, name, "飛脚商事", Map.of()));
    List<Long> jobs = new ArrayList<>();
    for (CampaignContent.Charset charset : CampaignContent.Charset.values()) {
      Campaign campaign =
          campaigns.create(
              new CampaignContent(
                  "postfix " + charset,
                  SENDING_DOMAIN,
                  "news",
                  "飛脚ニュース",
                  "",
                  SUBJECTS.get(charset),
                  "{{name}} 様\n\nいつもありがとうございます。\n",
                  "",
                  charset,
                  CampaignContent.Language.JA,
                  Optional.of(audience.id()),
                  List.of()));
      jobs.add(dev.hikyaku.e2e.ApprovedStart.start(ctx, campaign.id()));
    }
    return jobs;
  }

  private static void awaitDelivered(
      DeliveryService delivery, List<Long> jobs, PostfixInstance postfix)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(45);
    while (System.nanoTime() < deadline && !jobs.stream().allMatch(j -> completed(delivery, j))) {
      Thread.sleep(200);
    }
    for (long job : jobs) {
      List<DeliveryRecord> records = delivery.deliveries(job, null, 0, 100);
      assertThat(delivery.job(job).state())
          .as("job %d: %s; maillog:%n%s", job, records, postfix.maillog())
          .isEqualTo(SendJob.State.COMPLETED);
      assertThat(records)
          .as("job %d; maillog:%n%s", job, postfix.maillog())
          .hasSize(RECIPIENTS.size())
          .allSatisfy(r -> assertThat(r.state()).isEqualTo(DeliveryState.DELIVERED));
    }
  }

  private static boolean completed(DeliveryService delivery, long job) {
    return delivery.job(job).state() == SendJob.State.COMPLETED;
  }

  /** Hikyaku's own record of each attempt: direct to the MX, STARTTLS negotiated. */
  private static void assertAttemptsWentDirectOverTls(DeliveryService delivery, int campaigns) {
    for (String local : RECIPIENTS.keySet()) {
      List<DeliveryRecord> records = delivery.forRecipient(local + "@" + RECIPIENT_DOMAIN);
      assertThat(records).hasSize(campaigns);
      for (DeliveryRecord record : records) {
        Attempt attempt = record.history().get(record.history().size() - 1);
        assertThat(attempt.route()).isEqualTo("direct");
        assertThat(attempt.host()).isEqualTo(MX_HOST);
        assertThat(attempt.address()).isEqualTo("127.0.0.1");
        assertThat(attempt.code()).isEqualTo(250);
        assertThat(attempt.tlsProtocol()).as("TLS protocol recorded").startsWith("TLSv1.");
        assertThat(attempt.tlsCipher()).isNotBlank();
        // Opportunistic TLS to a self-signed certificate: used, and recorded as unverified.
        assertThat(attempt.tlsVerified()).isFalse();
      }
    }
  }

  private static void assertReceived(
      ReceivedMessage message, String local, Dkimpy dkimpy, MessageAuthenticator receiver)
      throws Exception {
    String recipient = local + "@" + RECIPIENT_DOMAIN;
    // Both signatures, checked by an independent implementation against the published keys.
    assertThat(dkimpy.verify(message.raw()))
        .containsExactlyInAnyOrder("rsa-sha256 pass", "ed25519-sha256 pass");
    // ...and dkimpy is really checking: a line added to the body breaks both body hashes.
    byte[] tampered =
        (new String(message.raw(), StandardCharsets.ISO_8859_1) + "tampered\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(dkimpy.verify(tampered))
        .containsExactlyInAnyOrder("rsa-sha256 fail", "ed25519-sha256 fail");

    String returnPath = message.returnPath();
    assertThat(returnPath).startsWith("bounce+").endsWith("@bounces." + SENDING_DOMAIN);
    AuthenticationReport report =
        receiver.authenticate(
            message.raw(),
            InetAddress.getByName("127.0.0.1"),
            HikyakuInProcess.EHLO_NAME,
            returnPath);
    assertThat(report.spf().result()).as(report.spf().reason()).isEqualTo(SpfResult.PASS);
    assertThat(report.dkim())
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.result()).as(d.reason()).isEqualTo(DkimResult.PASS))
        .extracting(DkimVerification::domain)
        .containsOnly(SENDING_DOMAIN);
    assertThat(report.dmarc().result()).as(report.dmarc().reason()).isEqualTo(DmarcResult.PASS);
    assertThat(report.dmarc().spfAlignedDomain()).as("SPF aligned").isPresent();
    assertThat(report.dmarc().dkimAlignedDomain()).as("DKIM aligned").isPresent();

    // The Received field Postfix's smtpd added on top (below its own Return-Path/Delivered-To).
    String received = message.first("Received");
    assertThat(received)
        .contains("by " + MX_HOST + " (Postfix) with ESMTPS")
        .containsPattern("\\(using TLSv1\\.[23] with cipher \\S+")
        .contains("for <" + recipient + ">");

    String to = message.first("To");
    assertThat(message.all("To")).hasSize(1);
    assertThat(to.chars().filter(c -> c == '@').count()).as(to).isEqualTo(1);
    assertThat(to).contains("<" + recipient + ">");
    assertThat(EncodedWords.decode(to)).contains(RECIPIENTS.get(local));
    assertThat(message.all("Cc")).isEmpty();
    // RFC 2369: a mailto: URI at least (an https: one too once a public URL is configured).
    assertThat(message.first("List-Unsubscribe")).contains("<mailto:unsubscribe+");
    assertThat(message.first("From")).contains("news@" + SENDING_DOMAIN);
  }

  private static Path workDir() throws java.io.IOException {
    Path target =
        Files.createDirectories(Path.of(System.getProperty("basedir", ".")).resolve("target"));
    Path work = Files.createTempDirectory(target, "postfix-");
    // Postfix's daemons (user postfix) and virtual(8) (nobody) pass through it to their files.
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    return work;
  }
}
