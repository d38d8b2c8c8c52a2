package dev.hikyaku.identity.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTests {

  @Test
  void ipv4NetworkShouldContainItsAddressesOnly() {
    Cidr office = Cidr.parse("192.0.2.0/24");
    assertThat(office.contains(Cidr.literal("192.0.2.77", "t"))).isTrue();
    assertThat(office.contains(Cidr.literal("192.0.3.1", "t"))).isFalse();
    assertThat(office.contains(Cidr.literal("2001:db8::1", "t"))).isFalse();
  }

  @Test
  void ipv6NetworkShouldContainItsAddressesOnly() {
    Cidr office = Cidr.parse("2001:db8:1234::/48");
    assertThat(office.contains(Cidr.literal("2001:db8:1234:ffff::9", "t"))).isTrue();
    assertThat(office.contains(Cidr.literal("2001:db8:1235::1", "t"))).isFalse();
    assertThat(office.contains(Cidr.literal("192.0.2.1", "t"))).isFalse();
  }

  @Test
  void bareAddressShouldMeanOneHost() {
    assertThat(Cidr.parse("203.0.113.9").toString()).isEqualTo("203.0.113.9/32");
    assertThat(Cidr.parse("::1").prefix()).isEqualTo(128);
  }

  @Test
  void ipv4MappedIpv6AddressShouldMatchTheIpv4Rule() {
    assertThat(Cidr.parse("127.0.0.0/8").contains(Cidr.literal("::ffff:127.0.0.1", "t"))).isTrue();
  }

  @Test
  void hostBitsShouldBeRefusedWithASuggestion() {
    assertThatThrownBy(() -> Cidr.parse("192.0.2.5/24"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did you mean 192.0.2.0/24");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "example.com",
        "localhost",
        "192.0.2.0/33",
        "2001:db8::/129",
        "256.1.1.1",
        "192.0.2/24",
        "192.0.2.0/",
        "192.0.2.0/-1",
        "1.2.3.4/24\r\nX-Injected: 1",
        "::g"
      })
  void malformedNetworksShouldBeRefusedWithoutDnsLookup(String text) {
    assertThatThrownBy(() -> Cidr.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("malformed network");
  }
}
