package dev.hikyaku.delivery.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.delivery.smtp.TestCertificates;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.MxRecord;
import dev.hikyaku.test.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MtaStsResolverTests {

  private static final String DOMAIN = "example.test";
  private static final String POLICY =
      "version: STSv1\r\nmode: enforce\r\nmx: *.example.test\r\nmax_age: 86400\r\n";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SwitchableDns dns = new SwitchableDns();
  private PolicyServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private MtaStsResolver resolverServing(SSLContext serverTls) throws IOException {
    server = new PolicyServer(serverTls);
    server.answer(PolicyServer.Answer.policy(POLICY));
    dns.zone = zoneWithId("1");
    return new MtaStsResolver(
        dns,
        TestCertificates.get().clientTrustingTestCa(),
        clock,
        Duration.ofSeconds(5),
        server.port());
  }

  private MtaStsResolver resolver() throws IOException {
    return resolverServing(TestCertificates.get().caIssuedServerFor("mta-sts." + DOMAIN));
  }

  private static InMemoryZone zoneWithId(String id) {
    return new InMemoryZone()
        .txt("_mta-sts." + DOMAIN, "v=STSv1; id=" + id + ";")
        .address("mta-sts." + DOMAIN, "127.0.0.1");
  }

  private static MtaStsFailure failureOf(MtaStsResult result) {
    assertThat(result).isInstanceOf(MtaStsResult.TemporaryFailure.class);
    return ((MtaStsResult.TemporaryFailure) result).cause();
  }

  @Test
  void aPolicyShouldBeFetchedOverHttpsFromTheWellKnownPath() throws IOException {
    MtaStsResult result = resolver().resolve("Example.TEST.");
    assertThat(result).isInstanceOf(MtaStsResult.Policy.class);
    MtaStsResult.Policy policy = (MtaStsResult.Policy) result;
    assertThat(policy.policy().mode()).isEqualTo(MtaStsMode.ENFORCE);
    assertThat(policy.policy().allows("mx1.example.test")).isTrue();
    assertThat(policy.id()).isEqualTo("1");
    assertThat(policy.fetchedAt()).isEqualTo(clock.instant());
    assertThat(policy.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
    assertThat(server.requests())
        .containsExactly("GET /.well-known/mta-sts.txt mta-sts.example.test:" + server.port());
  }

  @Test
  void aCachedPolicyShouldBeUsedWhileTheIdIsUnchangedAndItHasNotExpired() throws IOException {
    MtaStsResolver resolver = resolver();
    MtaStsResult first = resolver.resolve(DOMAIN);
    clock.advance(Duration.ofHours(23));
    assertThat(resolver.resolve(DOMAIN)).isEqualTo(first);
    assertThat(server.requests()).hasSize(1);

    clock.advance(Duration.ofHours(1)); // max_age reached
    MtaStsResult refreshed = resolver.resolve(DOMAIN);
    assertThat(server.requests()).hasSize(2);
    assertThat(((MtaStsResult.Policy) refreshed).fetchedAt()).isEqualTo(clock.instant());
  }

  @Test
  void aNewIdShouldCauseAFetchAndReplaceTheCachedPolicy() throws IOException {
    MtaStsResolver resolver = resolver();
    resolver.resolve(DOMAIN);
    dns.zone = zoneWithId("2");
    server.answer(PolicyServer.Answer.policy(POLICY.replace("enforce", "testing")));
    MtaStsResult result = resolver.resolve(DOMAIN);
    assertThat(server.requests()).hasSize(2);
    assertThat(((MtaStsResult.Policy) result).id()).isEqualTo("2");
    assertThat(((MtaStsResult.Policy) result).policy().mode()).isEqualTo(MtaStsMode.TESTING);
  }

  @Test
  void aFailedFetchShouldKeepTheCachedUnexpiredPolicy() throws IOException {
    MtaStsResolver resolver = resolver();
    MtaStsResult first = resolver.resolve(DOMAIN);
    dns.zone = zoneWithId("2");
    server.answer(new PolicyServer.Answer(500, "text/plain", null, new byte[0], -1));
    assertThat(resolver.resolve(DOMAIN)).isEqualTo(first);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aVanishedOrBrokenTxtRecordShouldKeepTheCachedPolicy() throws IOException {
    MtaStsResolver resolver = resolver();
    MtaStsResult first = resolver.resolve(DOMAIN);
    dns.zone = new InMemoryZone();
    assertThat(resolver.resolve(DOMAIN)).isEqualTo(first);
    dns.zone = new InMemoryZone().serverFailure("_mta-sts." + DOMAIN);
    assertThat(resolver.resolve(DOMAIN)).isEqualTo(first);
    clock.advance(Duration.ofDays(1));
    assertThat(resolver.resolve(DOMAIN)).isInstanceOf(MtaStsResult.TemporaryFailure.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aFailedFetchWithNothingCachedShouldBeATemporaryFailureRetriedAfterFiveMinutes()
      throws IOException {
    MtaStsResolver resolver = resolver();
    server.answer(new PolicyServer.Answer(503, "text/plain", null, new byte[0], -1));
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.HTTP_STATUS);
    server.answer(PolicyServer.Answer.policy(POLICY));
    // RFC 8461 §3.3: do not hammer a failing policy host.
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.HTTP_STATUS);
    assertThat(server.requests()).hasSize(1);
    clock.advance(MtaStsResolver.RETRY_AFTER_FAILURE);
    assertThat(resolver.resolve(DOMAIN)).isInstanceOf(MtaStsResult.Policy.class);
  }

  @Test
  void aRedirectShouldNotBeFollowed() throws IOException {
    MtaStsResolver resolver = resolver();
    server.answer(
        new PolicyServer.Answer(
            301, "text/plain", "https://mta-sts.example.test/other.txt", new byte[0], -1));
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.REDIRECT);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aBodyThatIsNotTextPlainShouldBeRefused() throws IOException {
    MtaStsResolver resolver = resolver();
    server.answer(PolicyServer.Answer.policy(POLICY).type("text/html"));
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.CONTENT_TYPE);
  }

  @Test
  void aBodyWithoutContentTypeShouldBeRefused() throws IOException {
    MtaStsResolver resolver = resolver();
    server.answer(PolicyServer.Answer.policy(POLICY).type(null));
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.CONTENT_TYPE);
  }

  @Test
  void aBodyOver64KibShouldBeRefusedWhetherDeclaredOrChunked() throws IOException {
    MtaStsResolver resolver = resolver();
    byte[] big = new byte[PolicyFetcher.MAX_BODY + 1];
    Arrays.fill(big, (byte) '#');
    server.answer(new PolicyServer.Answer(200, "text/plain", null, big, big.length));
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.BODY_TOO_LARGE);
    dns.zone = zoneWithId("2"); // a new id skips the wait after a failure
    server.answer(new PolicyServer.Answer(200, "text/plain", null, big, 0));
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.BODY_TOO_LARGE);
  }

  @Test
  void aChunkedPolicyShouldBeRead() throws IOException {
    MtaStsResolver resolver = resolver();
    server.answer(PolicyServer.Answer.policy(POLICY).chunked());
    assertThat(resolver.resolve(DOMAIN)).isInstanceOf(MtaStsResult.Policy.class);
  }

  @Test
  void anInvalidPolicyShouldBeATemporaryFailure() throws IOException {
    MtaStsResolver resolver = resolver();
    server.answer(PolicyServer.Answer.policy(POLICY.replace("enforce", "strict")));
    MtaStsResult result = resolver.resolve(DOMAIN);
    assertThat(failureOf(result)).isEqualTo(MtaStsFailure.INVALID_POLICY);
    assertThat(((MtaStsResult.TemporaryFailure) result).reason()).contains("strict");
  }

  @Test
  void aSelfSignedCertificateShouldBeRefused() throws IOException {
    MtaStsResolver resolver = resolverServing(TestCertificates.get().selfSignedServer());
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.CERTIFICATE);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aTrustedCertificateForAnotherHostShouldBeRefused() throws IOException {
    // Issued by the trusted test CA, but for mx.hikyaku.test, not mta-sts.example.test.
    MtaStsResolver resolver = resolverServing(TestCertificates.get().caIssuedServer());
    MtaStsResult result = resolver.resolve(DOMAIN);
    assertThat(failureOf(result)).isEqualTo(MtaStsFailure.CERTIFICATE);
    assertThat(MtaStsFailure.CERTIFICATE.reportType()).isEqualTo(TlsFailureType.STS_WEBPKI_INVALID);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void noTxtRecordShouldMeanNoPolicyWithoutAnyFetch() throws IOException {
    MtaStsResolver resolver = resolver();
    dns.zone = new InMemoryZone().address("mta-sts." + DOMAIN, "127.0.0.1");
    assertThat(resolver.resolve(DOMAIN)).isInstanceOf(MtaStsResult.NoPolicy.class);
    dns.zone.txt("_mta-sts." + DOMAIN, "v=STSv1; id=1").txt("_mta-sts." + DOMAIN, "v=STSv1; id=2");
    assertThat(resolver.resolve(DOMAIN)).isInstanceOf(MtaStsResult.NoPolicy.class);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void dnsTroubleOrAMissingPolicyHostShouldBeTemporaryFailures() throws IOException {
    MtaStsResolver resolver = resolver();
    dns.zone = new InMemoryZone().timeout("_mta-sts." + DOMAIN);
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.DNS_FAILURE);
    dns.zone = new InMemoryZone().txt("_mta-sts." + DOMAIN, "v=STSv1; id=1");
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.NO_ADDRESS);
  }

  @Test
  void aClosedPortShouldBeAConnectionFailure() throws IOException {
    MtaStsResolver resolver = resolver();
    server.close();
    assertThat(failureOf(resolver.resolve(DOMAIN))).isEqualTo(MtaStsFailure.CONNECTION);
    server = null;
  }

  @Test
  void namesThatAreNotDomainsShouldMeanNoPolicy() throws IOException {
    MtaStsResolver resolver = resolver();
    for (String bad : new String[] {"", "localhost", "a..b", "exa mple.test", "x\r\n.test"}) {
      assertThat(resolver.resolve(bad)).as(bad).isInstanceOf(MtaStsResult.NoPolicy.class);
    }
    assertThat(server.requests()).isEmpty();
  }

  /** A resolver whose zone a test swaps, as a domain's DNS changes between lookups. */
  private static final class SwitchableDns implements DnsResolver {
    volatile InMemoryZone zone = new InMemoryZone();

    @Override
    public DnsResult<String> txt(String name) {
      return zone.txt(name);
    }

    @Override
    public DnsResult<InetAddress> a(String name) {
      return zone.a(name);
    }

    @Override
    public DnsResult<InetAddress> aaaa(String name) {
      return zone.aaaa(name);
    }

    @Override
    public DnsResult<MxRecord> mx(String name) {
      return zone.mx(name);
    }

    @Override
    public DnsResult<String> ptr(InetAddress address) {
      return zone.ptr(address);
    }
  }
}
