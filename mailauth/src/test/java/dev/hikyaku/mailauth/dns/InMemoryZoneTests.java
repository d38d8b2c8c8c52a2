package dev.hikyaku.mailauth.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The in-process zone behaves like a recursive resolver would for the names it holds. */
class InMemoryZoneTests {

  @Test
  void nameWithOtherTypesShouldGiveNoDataAndUnknownNameNoSuchDomain() {
    InMemoryZone zone = new InMemoryZone().txt("example.com", "v=spf1 -all");

    assertThat(zone.a("example.com")).isInstanceOf(DnsResult.NoData.class);
    assertThat(zone.a("other.example.com")).isInstanceOf(DnsResult.NoSuchDomain.class);
    assertThat(zone.txt("EXAMPLE.com.").records()).containsExactly("v=spf1 -all");
  }

  @Test
  void cnameChainsShouldBeFollowedAndLoopsReportedAsFailure() throws Exception {
    InMemoryZone zone =
        new InMemoryZone()
            .cname("www.example.com", "host.example.com")
            .address("host.example.com", "192.0.2.1")
            .cname("loop1.example.com", "loop2.example.com")
            .cname("loop2.example.com", "loop1.example.com");

    assertThat(zone.a("www.example.com").records())
        .containsExactly(InetAddress.getByName("192.0.2.1"));
    assertThat(zone.a("loop1.example.com")).isInstanceOf(DnsResult.ServerFailure.class);
  }

  @Test
  void timeoutsAndFailuresShouldApplyPerType() {
    InMemoryZone zone =
        new InMemoryZone()
            .address("example.com", "192.0.2.1")
            .timeout("example.com", RecordType.TXT)
            .serverFailure("example.com", RecordType.MX);

    assertThat(zone.a("example.com")).isInstanceOf(DnsResult.Found.class);
    assertThat(zone.txt("example.com")).isInstanceOf(DnsResult.Timeout.class);
    assertThat(zone.mx("example.com")).isInstanceOf(DnsResult.ServerFailure.class);
  }

  @Test
  void ptrShouldBeFoundByAddressAndQueriesLogged() throws Exception {
    InMemoryZone zone =
        new InMemoryZone().ptr("2001:db8::1", "Host.Example.com.").ptr("192.0.2.1", "a.example");

    assertThat(zone.ptr(InetAddress.getByName("2001:db8::1")).records())
        .containsExactly("host.example.com");
    assertThat(zone.ptr(InetAddress.getByName("192.0.2.1")).records()).containsExactly("a.example");
    assertThat(zone.queries())
        .containsExactly(
            "PTR 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
            "PTR 1.2.0.192.in-addr.arpa");
  }
}
