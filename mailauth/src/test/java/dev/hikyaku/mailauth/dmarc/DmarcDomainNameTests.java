package dev.hikyaku.mailauth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmarcDomainNameTests {

  @Test
  void namesAreLowerCaseWithoutTrailingDot() {
    assertThat(DnsDomain.of("Mail.Example.COM.").name()).isEqualTo("mail.example.com");
  }

  @Test
  void uLabelsBecomeALabels() {
    // RFC 9989 §5.3.1: a U-label Author Domain is converted to an A-label.
    assertThat(DnsDomain.of("bücher.example").name()).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void labelsParentAndSuffixes() {
    DnsDomain domain = DnsDomain.of("a.mail.example.com");

    assertThat(domain.labelCount()).isEqualTo(4);
    assertThat(domain.labels()).containsExactly("a", "mail", "example", "com");
    assertThat(domain.parent()).contains(DnsDomain.of("mail.example.com"));
    assertThat(DnsDomain.of("com").parent()).isEmpty();
    assertThat(domain.lastLabels(2)).isEqualTo(DnsDomain.of("example.com"));
    assertThat(domain.lastLabels(9)).isEqualTo(domain);
    assertThat(domain.isWithin(DnsDomain.of("example.com"))).isTrue();
    assertThat(domain.isWithin(domain)).isTrue();
    assertThat(domain.isSubdomainOf(domain)).isFalse();
    assertThat(DnsDomain.of("badexample.com").isWithin(DnsDomain.of("example.com"))).isFalse();
    assertThat(domain.dmarcName()).isEqualTo("_dmarc.a.mail.example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "[192.0.2.1]", "exa mple.com", "a..b", "user@example.com"})
  void invalidNamesAreRefused(String text) {
    assertThat(DnsDomain.parse(text)).isEmpty();
    assertThatThrownBy(() -> DnsDomain.of(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelAndNameLengthsAreLimited() {
    assertThat(DnsDomain.parse("a".repeat(63) + ".com")).isPresent();
    assertThat(DnsDomain.parse("a".repeat(64) + ".com")).isEmpty();
    assertThat(DnsDomain.parse(("a".repeat(49) + ".").repeat(5) + "com")).isPresent(); // 253
    assertThat(DnsDomain.parse(("a".repeat(49) + ".").repeat(5) + "coms")).isEmpty(); // 254
    assertThat(DnsDomain.parse(null)).isEmpty();
  }
}
