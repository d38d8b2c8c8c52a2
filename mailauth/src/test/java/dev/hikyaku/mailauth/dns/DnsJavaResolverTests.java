package dev.hikyaku.mailauth.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dnsjava adapter against a real DNS server (dnsmasq) on loopback. */
class DnsJavaResolverTests {

  private static LoopbackDnsServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        LoopbackDnsServer.builder()
            .local("example.test")
            .local("2.0.192.in-addr.arpa")
            .txt("txt.example.test", "v=spf1 ", "ip4:192.0.2.0/24 -all")
            .txt("txt.example.test", "second record")
            .txt("utf8.example.test", "日本語")
            .host("host.example.test", "192.0.2.10", "2001:db8::10")
            .mx("example.test", "mail.example.test", 10)
            .mx("example.test", "backup.example.test", 20)
            .ptr("10.2.0.192.in-addr.arpa", "host.example.test")
            .cname("alias.example.test", "host.example.test")
            .start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static DnsJavaResolver resolver() {
    return DnsJavaResolver.builder()
        .server(server.address())
        .timeout(Duration.ofSeconds(2))
        .build();
  }

  @Test
  void txtRecordStringsShouldBeConcatenatedPerRecord() {
    DnsResult<String> result = resolver().txt("TXT.example.test.");

    assertThat(result).isInstanceOf(DnsResult.Found.class);
    assertThat(result.name()).isEqualTo("txt.example.test");
    assertThat(result.records())
        .containsExactlyInAnyOrder("v=spf1 ip4:192.0.2.0/24 -all", "second record");
  }

  @Test
  void txtRecordsShouldBeDecodedAsUtf8() {
    assertThat(resolver().txt("utf8.example.test").records()).containsExactly("日本語");
  }

  @Test
  void unknownNameShouldBeNoSuchDomain() {
    assertThat(resolver().a("missing.example.test"))
        .isEqualTo(new DnsResult.NoSuchDomain<InetAddress>("missing.example.test", RecordType.A));
  }

  @Test
  void existingNameWithoutThatTypeShouldBeNoData() {
    DnsResult<MxRecord> result = resolver().mx("host.example.test");

    assertThat(result).isInstanceOf(DnsResult.NoData.class);
    assertThat(result.isVoid()).isTrue();
    assertThat(result.isTemporaryFailure()).isFalse();
  }

  @Test
  void addressesMxAndPtrShouldBeRead() throws Exception {
    DnsJavaResolver resolver = resolver();

    assertThat(resolver.a("host.example.test").records())
        .containsExactly(InetAddress.getByName("192.0.2.10"));
    assertThat(resolver.aaaa("host.example.test").records())
        .containsExactly(InetAddress.getByName("2001:db8::10"));
    assertThat(resolver.mx("example.test").records())
        .containsExactlyInAnyOrder(
            new MxRecord(10, "mail.example.test"), new MxRecord(20, "backup.example.test"));
    assertThat(resolver.ptr(InetAddress.getByName("192.0.2.10")).records())
        .containsExactly("host.example.test");
  }

  @Test
  void cnameShouldBeFollowed() throws Exception {
    DnsResult<InetAddress> result = resolver().a("alias.example.test");

    assertThat(result.name()).isEqualTo("alias.example.test");
    assertThat(result.records()).containsExactly(InetAddress.getByName("192.0.2.10"));
  }

  @Test
  void refusedQueryShouldBeServerFailure() {
    DnsResult<String> result = resolver().txt("elsewhere.org");

    assertThat(result).isInstanceOf(DnsResult.ServerFailure.class);
    assertThat(((DnsResult.ServerFailure<String>) result).detail()).isEqualTo("REFUSED");
    assertThat(result.isTemporaryFailure()).isTrue();
  }

  @Test
  void silentServerShouldTimeOut() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      DnsJavaResolver resolver =
          DnsJavaResolver.builder()
              .server("127.0.0.1:" + silent.getLocalPort())
              .timeout(Duration.ofMillis(300))
              .build();

      DnsResult<String> result = resolver.txt("txt.example.test");

      assertThat(result)
          .isEqualTo(new DnsResult.Timeout<String>("txt.example.test", RecordType.TXT));
    }
  }

  @Test
  void answersShouldBeCachedUntilTheirTtlExpires() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
    DnsJavaResolver resolver =
        DnsJavaResolver.builder().server(server.address()).clock(clock).build();
    long before = server.queryCount();

    resolver.txt("txt.example.test");
    resolver.txt("txt.example.test");
    Thread.sleep(200); // dnsmasq writes its log asynchronously
    long afterTwo = server.queryCount();
    clock.advance(Duration.ofSeconds(301)); // dnsmasq serves local records with a 300 s TTL
    resolver.txt("txt.example.test");
    Thread.sleep(200);

    assertThat(afterTwo - before).isEqualTo(1);
    assertThat(server.queryCount() - afterTwo).isEqualTo(1);
  }

  @Test
  void serverAddressesShouldAcceptPortsAndIpv6() {
    assertThat(DnsServerAddress.parse("127.0.0.1:5353").getPort()).isEqualTo(5353);
    assertThat(DnsServerAddress.parse("127.0.0.1").getPort()).isEqualTo(53);
    assertThat(DnsServerAddress.parse("[::1]:5300").getPort()).isEqualTo(5300);
    assertThat(DnsServerAddress.parse("::1").getAddress().isLoopbackAddress()).isTrue();
    assertThatThrownBy(() -> DnsServerAddress.parse("dns.example.com:53"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IP address");
    assertThatThrownBy(() -> DnsServerAddress.parse("127.0.0.1:99999"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unqueryableNamesShouldNotExist() {
    String longLabel = "a".repeat(64) + ".example.test";

    assertThat(resolver().txt(longLabel)).isInstanceOf(DnsResult.NoSuchDomain.class);
    assertThat(resolver().txt("a..example.test")).isInstanceOf(DnsResult.NoSuchDomain.class);
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
