package dev.hikyaku.mailauth.dmarc;

import static dev.hikyaku.mailauth.dmarc.DmarcEvaluatorTests.spf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.RecordType;
import dev.hikyaku.mailauth.spf.SpfResult;
import org.junit.jupiter.api.Test;

/** Which of p, sp and np applies to a failing message, and t=y (RFC 9989 §4.7, §4.10.1). */
class DmarcPolicySelectionTests {

  private final InMemoryZone zone = new InMemoryZone();
  private final DmarcEvaluator evaluator = new DmarcEvaluator(zone);

  private DmarcVerdict failing(String from) {
    DmarcVerdict verdict =
        evaluator.evaluate(DmarcInput.of(from, spf(SpfResult.FAIL, "attacker.example")));
    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    return verdict;
  }

  @Test
  void theAuthorDomainsOwnRecordGivesP() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=none; np=none");

    DmarcVerdict verdict = failing("example.com");

    assertThat(verdict.policyTag()).contains(PolicyTag.P);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
  }

  @Test
  void aSubdomainsOwnRecordGivesItsPNotTheParentsSp() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=reject");
    zone.txt("_dmarc.news.example.com", "v=DMARC1; p=none; sp=reject");

    DmarcVerdict verdict = failing("news.example.com");

    assertThat(verdict.policyTag()).contains(PolicyTag.P);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
  }

  @Test
  void subdomainPolicyAppliesToExistingSubdomains() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=none; sp=quarantine");
    zone.address("news.example.com", "192.0.2.10");

    DmarcVerdict verdict = failing("news.example.com");

    assertThat(verdict.policyDomain()).contains(DnsDomain.of("example.com"));
    assertThat(verdict.policyTag()).contains(PolicyTag.SP);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
    // Without np, existence does not matter and is not looked up.
    assertThat(zone.queries()).noneMatch(q -> q.startsWith("A ") || q.startsWith("MX "));
  }

  @Test
  void withoutSpTheParentsPAppliesToSubdomains() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    DmarcVerdict verdict = failing("news.example.com");

    assertThat(verdict.policyTag()).contains(PolicyTag.P);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
  }

  @Test
  void nonExistentSubdomainPolicyAppliesToNamesThatDoNotExist() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=none; sp=quarantine; np=reject");

    DmarcVerdict verdict = failing("ghost.example.com");

    assertThat(verdict.policyTag()).contains(PolicyTag.NP);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(zone.queries())
        .endsWith("A ghost.example.com", "AAAA ghost.example.com", "MX ghost.example.com");
  }

  @Test
  void nonExistentSubdomainsFallBackToSpWhenNpIsAbsent() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=none; sp=quarantine");

    DmarcVerdict verdict = failing("ghost.example.com");

    assertThat(verdict.policyTag()).contains(PolicyTag.SP);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
  }

  @Test
  void aSubdomainWithOnlyAnMxRecordExists() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=none; sp=quarantine; np=reject");
    zone.mx("mail.example.com", 10, "mx.example.net");

    DmarcVerdict verdict = failing("mail.example.com");

    assertThat(verdict.policyTag()).contains(PolicyTag.SP);
    // The name answers NODATA for A, so it exists and the lookups stop there.
    assertThat(zone.queries()).endsWith("A mail.example.com");
  }

  @Test
  void aNameWithoutAddressOrMxButWithOtherRecordsExists() {
    // RFC 9989 Appendix A.4: NODATA means the name exists; only NXDOMAIN means it does not.
    zone.txt("_dmarc.example.com", "v=DMARC1; p=none; sp=quarantine; np=reject");
    zone.txt("bare.example.com", "v=spf1 -all");

    DmarcVerdict verdict = failing("bare.example.com");

    assertThat(verdict.policyTag()).contains(PolicyTag.SP);
    assertThat(zone.queries()).endsWith("A bare.example.com");
  }

  @Test
  void anUndeterminedExistenceGivesTemperror() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=none; np=reject");
    zone.timeout("ghost.example.com", RecordType.A);

    DmarcVerdict verdict =
        evaluator.evaluate(
            DmarcInput.of("ghost.example.com", spf(SpfResult.FAIL, "attacker.example")));

    assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
    assertThat(verdict.reason()).contains("exists");
  }

  @Test
  void aPublicSuffixDomainsNpCoversUnregisteredNamesBelowIt() {
    // The PSD DMARC use case (RFC 9989 §5.2): mail from a name nobody registered under the PSD.
    zone.txt("_dmarc.bank.example", "v=DMARC1; p=none; np=reject; psd=y");

    DmarcVerdict verdict = failing("secure-login.bank.example");

    assertThat(verdict.policyDomain()).contains(DnsDomain.of("bank.example"));
    assertThat(verdict.organizationalDomain()).contains(DnsDomain.of("secure-login.bank.example"));
    assertThat(verdict.policyTag()).contains(PolicyTag.NP);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
  }

  @Test
  void aPublicSuffixDomainsPolicyAppliesToRegisteredNamesWithoutTheirOwnRecord() {
    zone.txt("_dmarc.bank.example", "v=DMARC1; p=quarantine; np=reject; psd=y");
    zone.address("shop.bank.example", "192.0.2.20");

    DmarcVerdict verdict = failing("shop.bank.example");

    assertThat(verdict.policyTag()).contains(PolicyTag.P);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
  }

  @Test
  void testingFlagAppliesRejectAsQuarantine() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject; t=y");

    DmarcVerdict verdict = failing("example.com");

    assertThat(verdict.requestedPolicy()).contains(DmarcPolicy.REJECT);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(verdict.testing()).isTrue();
    assertThat(verdict.reason()).contains("t=y so quarantine applies");
  }

  @Test
  void testingFlagAppliesQuarantineAsNoneAndLeavesNoneAlone() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=quarantine; sp=none; t=y");
    zone.address("news.example.com", "192.0.2.10");

    assertThat(failing("example.com").appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(failing("news.example.com").appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
  }

  @Test
  void testingFlagLowersTheNonExistentSubdomainPolicyToo() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=none; np=reject; t=y");

    DmarcVerdict verdict = failing("ghost.example.com");

    assertThat(verdict.policyTag()).contains(PolicyTag.NP);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
  }

  @Test
  void aPassingMessageHasNoPolicyToApplyEvenInTestingMode() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject; t=y");

    DmarcVerdict verdict =
        evaluator.evaluate(DmarcInput.of("example.com", spf(SpfResult.PASS, "example.com")));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.policyTag()).isEmpty();
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
  }
}
