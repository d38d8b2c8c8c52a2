package dev.hikyaku.mailauth.dmarc;

import static dev.hikyaku.mailauth.dmarc.DmarcEvaluatorTests.spf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.RecordType;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Zero or several RFC5322.From domains (RFC 9989 §5.3.1 and §11.5): invalid or excess ones never
 * make the outcome milder.
 */
class DmarcMultipleFromTests {

  private final InMemoryZone zone =
      new InMemoryZone()
          .txt("_dmarc.a.example", "v=DMARC1; p=quarantine")
          .txt("_dmarc.b.example", "v=DMARC1; p=reject")
          .txt("_dmarc.c.example", "v=DMARC1; p=none");
  private final DmarcEvaluator evaluator = new DmarcEvaluator(zone);

  private DmarcVerdict evaluate(List<String> from, String spfDomain) {
    return evaluator.evaluate(
        new DmarcInput(from, Optional.of(spf(SpfResult.PASS, spfDomain)), List.of()));
  }

  @Test
  void addressesInTheSameDomainAreOneAuthorDomain() {
    DmarcVerdict verdict = evaluate(List.of("a.example", "A.Example."), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.reason()).doesNotContain("Author Domains evaluated");
  }

  @Test
  void everyAuthorDomainMustPassForAPass() {
    DmarcVerdict verdict = evaluate(List.of("a.example", "b.example"), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.authorDomain()).contains(DnsDomain.of("b.example"));
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(verdict.reason())
        .startsWith("2 Author Domains evaluated (a.example pass, b.example fail)");
  }

  @Test
  void theStrictestPolicyAmongFailingDomainsApplies() {
    DmarcVerdict verdict =
        evaluate(List.of("c.example", "a.example", "b.example"), "unrelated.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(verdict.authorDomain()).contains(DnsDomain.of("b.example"));
  }

  @Test
  void aDomainWithoutPolicyNextToAPassingOneGivesNone() {
    DmarcVerdict verdict = evaluate(List.of("a.example", "nopolicy.example"), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.NONE);
    assertThat(verdict.authorDomain()).contains(DnsDomain.of("nopolicy.example"));
  }

  @Test
  void domainsBeyondTheLimitAreIgnoredButStopThePass() {
    DmarcVerdict verdict =
        evaluate(
            List.of("a.example", "a.example", "d.example", "e.example", "f.example", "b.example"),
            "a.example");

    // a.example passes and d, e, f have no record; ignoring b.example must not let that through.
    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.authorDomain()).contains(DnsDomain.of("a.example"));
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(verdict.reason())
        .startsWith(
            "1 more Author Domains than the 4 evaluated, ignored: \"b.example\", so DMARC cannot"
                + " pass and the strictest policy of the evaluated Author Domains applies (RFC"
                + " 9989 §11.5): a.example p=quarantine of the record at _dmarc.a.example;"
                + " evaluated: a.example pass, d.example none, e.example none, f.example none");
    assertThat(zone.queries()).noneMatch(q -> q.contains("b.example"));
  }

  @Test
  void theStrictestPolicyAmongTheEvaluatedDomainsAppliesWhenDomainsAreIgnored() {
    DmarcVerdict verdict =
        evaluate(
            List.of("c.example", "b.example", "a.example", "d.example", "e.example"), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.authorDomain()).contains(DnsDomain.of("b.example"));
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(verdict.reason()).contains("ignored: \"e.example\"");
  }

  @Test
  void anInvalidFromDomainCannotLetAPassingDomainEscapeItsPolicy() {
    // From: ceo@b.example, x@[192.0.2.1] with SPF passing for b.example and p=reject there.
    DmarcVerdict verdict = evaluate(List.of("b.example", "[192.0.2.1]"), "b.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.authorDomain()).contains(DnsDomain.of("b.example"));
    assertThat(verdict.policyTag()).contains(PolicyTag.P);
    assertThat(verdict.requestedPolicy()).contains(DmarcPolicy.REJECT);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(verdict.reason())
        .startsWith(
            "RFC5322.From domain not a valid domain name: \"[192.0.2.1]\", so DMARC cannot pass");
  }

  @Test
  void anInvalidFromDomainNextToAFailingOneKeepsTheFailure() {
    DmarcVerdict verdict = evaluate(List.of("a..b", "b.example"), "unrelated.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(verdict.reason()).contains("\"a..b\"");
  }

  @Test
  void anInvalidFromDomainCarriesTheSubdomainPolicyAndTestingOfTheRecordFound() {
    zone.txt("_dmarc.org.example", "v=DMARC1; p=none; sp=reject; t=y");

    DmarcVerdict verdict = evaluate(List.of("mail.org.example", ""), "mail.org.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.policyTag()).contains(PolicyTag.SP);
    assertThat(verdict.requestedPolicy()).contains(DmarcPolicy.REJECT);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
  }

  @Test
  void anInvalidFromDomainNextToOneWithoutPolicyGivesPermerror() {
    DmarcVerdict verdict = evaluate(List.of("nopolicy.example", "x\u0001.example"), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(verdict.reason()).contains("no evaluated Author Domain has a DMARC policy");
  }

  @Test
  void anInvalidFromDomainNextToATemporaryFailureKeepsTheTemperror() {
    zone.timeout("_dmarc.slow.example", RecordType.TXT);

    DmarcVerdict verdict = evaluate(List.of("slow.example", "[192.0.2.1]"), "slow.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
    assertThat(verdict.reason()).startsWith("RFC5322.From domain not a valid domain name");
  }

  @Test
  void aMissingFromDomainGivesPermerror() {
    DmarcVerdict verdict = evaluate(List.of(), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
    assertThat(verdict.authorDomain()).isEmpty();
    assertThat(verdict.reason()).contains("no RFC5322.From domain");
  }

  @Test
  void onlyInvalidFromDomainsGivePermerrorWithoutAnyLookup() {
    DmarcVerdict verdict = evaluate(List.of("[192.0.2.1]", "a..b", ""), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(verdict.reason())
        .isEqualTo(
            "no RFC5322.From address has a valid domain (\"[192.0.2.1]\", \"a..b\", \"\"),"
                + " so DMARC validation is not possible (RFC 9989 §5.3.1)");
    assertThat(zone.queries()).isEmpty();
  }
}
