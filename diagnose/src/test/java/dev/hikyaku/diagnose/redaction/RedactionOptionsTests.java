package dev.hikyaku.diagnose.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defaults and normalisation of the redaction options. */
class RedactionOptionsTests {

  @Test
  void defaultsShouldMaskAddressesNamesAndSubjectButNotIps() {
    RedactionOptions o = RedactionOptions.defaults();

    assertThat(o.addresses()).isTrue();
    assertThat(o.names()).isTrue();
    assertThat(o.subject()).isTrue();
    assertThat(o.ipAddresses()).isFalse();
    assertThat(o.fields()).isEmpty();
    assertThat(o.keptDomains()).isEmpty();
  }

  @Test
  void keptDomainsShouldCoverSubdomainsButNotLookalikes() {
    RedactionOptions o = RedactionOptions.defaults().withKeptDomains(" GMAIL.com. ");

    assertThat(o.keptDomains()).isEqualTo(Set.of("gmail.com"));
    assertThat(o.keeps("gmail.com")).isTrue();
    assertThat(o.keeps("mail.gmail.com")).isTrue();
    assertThat(o.keeps("notgmail.com")).isFalse();
  }

  @Test
  void nullListsShouldReadAsEmpty() {
    RedactionOptions o = new RedactionOptions(true, true, true, null, null, false);

    assertThat(o.fields()).isEmpty();
    assertThat(o.keptDomains()).isEmpty();
  }
}
