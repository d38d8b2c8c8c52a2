package dev.hikyaku.mailauth.dmarc;

import static dev.hikyaku.mailauth.dmarc.DmarcTreeWalkTests.txtQueries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.RecordType;
import org.junit.jupiter.api.Test;

/** Policy discovery, RFC 9989 §4.10.1. */
class DmarcPolicyDiscoveryTests {

  private final InMemoryZone zone = new InMemoryZone();
  private final PolicyDiscovery discovery = new PolicyDiscovery(new TreeWalk(zone));

  private PolicyDiscovery.Found found(String author) {
    PolicyDiscovery.Outcome outcome = discovery.discover(DnsDomain.of(author));
    assertThat(outcome).isInstanceOf(PolicyDiscovery.Found.class);
    return (PolicyDiscovery.Found) outcome;
  }

  @Test
  void theAuthorDomainsOwnRecordIsFoundWithOneQuery() {
    zone.txt("_dmarc.mail.example.com", "v=DMARC1; p=quarantine");
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    PolicyDiscovery.Found found = found("mail.example.com");

    assertThat(found.policyDomain()).isEqualTo(DnsDomain.of("mail.example.com"));
    assertThat(found.record().policy()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(found.organizationalDomain()).isEmpty();
    assertThat(zone.queries()).isEqualTo(txtQueries("mail.example.com"));
  }

  @Test
  void anOwnRecordWithPsdNMakesTheAuthorDomainItsOwnOrganizationalDomain() {
    zone.txt("_dmarc.dept.example.com", "v=DMARC1; p=none; psd=n");

    assertThat(found("dept.example.com").organizationalDomain())
        .contains(DnsDomain.of("dept.example.com"));
  }

  @Test
  void withoutAnOwnRecordTheOrganizationalDomainsRecordApplies() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    PolicyDiscovery.Found found = found("a.mail.example.com");

    assertThat(found.policyDomain()).isEqualTo(DnsDomain.of("example.com"));
    assertThat(found.organizationalDomain()).contains(DnsDomain.of("example.com"));
    assertThat(zone.queries())
        .isEqualTo(txtQueries("a.mail.example.com", "mail.example.com", "example.com", "com"));
  }

  @Test
  void anIntermediateRecordIsNeitherAuthorNorOrganizationalAndDoesNotApply() {
    zone.txt("_dmarc.mail.example.com", "v=DMARC1; p=none");
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    assertThat(found("a.mail.example.com").policyDomain()).isEqualTo(DnsDomain.of("example.com"));
  }

  @Test
  void theDeepTreeWalkExampleOfAppendixB42() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");
    zone.txt("_dmarc.signing.example.com", "v=DMARC1; p=none");

    PolicyDiscovery.Found found = found("a.b.c.d.e.f.g.h.i.j.k.example.com");

    assertThat(zone.queries())
        .isEqualTo(
            txtQueries(
                "a.b.c.d.e.f.g.h.i.j.k.example.com",
                "g.h.i.j.k.example.com",
                "h.i.j.k.example.com",
                "i.j.k.example.com",
                "j.k.example.com",
                "k.example.com",
                "example.com",
                "com"));
    assertThat(found.policyDomain()).isEqualTo(DnsDomain.of("example.com"));
  }

  @Test
  void aPublicSuffixRecordAppliesWhenTheOrganizationalDomainHasNone() {
    zone.txt("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y");

    PolicyDiscovery.Found found = found("mail.shop.bank.example");

    assertThat(found.policyDomain()).isEqualTo(DnsDomain.of("bank.example"));
    assertThat(found.organizationalDomain()).contains(DnsDomain.of("shop.bank.example"));
  }

  @Test
  void aPublicSuffixRecordIsNotUsedWhenTheOrganizationalDomainHasOne() {
    zone.txt("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y");
    zone.txt("_dmarc.shop.bank.example", "v=DMARC1; p=none");

    PolicyDiscovery.Found found = found("mail.shop.bank.example");

    assertThat(found.policyDomain()).isEqualTo(DnsDomain.of("shop.bank.example"));
    assertThat(found.record().policy()).isEqualTo(DmarcPolicy.NONE);
  }

  @Test
  void noRecordAnywhereMeansDmarcDoesNotApply() {
    PolicyDiscovery.Outcome outcome = discovery.discover(DnsDomain.of("mail.example.org"));

    assertThat(outcome).isInstanceOf(PolicyDiscovery.NotFound.class);
    assertThat(((PolicyDiscovery.NotFound) outcome).queried())
        .extracting(DnsDomain::name)
        .containsExactly("mail.example.org", "example.org", "org");
  }

  @Test
  void aTemporaryFailureAtTheAuthorDomainIsReported() {
    zone.timeout("_dmarc.example.com", RecordType.TXT);

    assertThat(discovery.discover(DnsDomain.of("example.com")))
        .isEqualTo(new PolicyDiscovery.TemporaryFailure(DnsDomain.of("example.com"), "timeout"));
  }

  @Test
  void aTemporaryFailureDuringTheWalkIsReported() {
    zone.serverFailure("_dmarc.com", RecordType.TXT);

    PolicyDiscovery.Outcome outcome = discovery.discover(DnsDomain.of("mail.example.com"));

    assertThat(outcome).isInstanceOf(PolicyDiscovery.TemporaryFailure.class);
    assertThat(((PolicyDiscovery.TemporaryFailure) outcome).failedAt())
        .isEqualTo(DnsDomain.of("com"));
  }
}
