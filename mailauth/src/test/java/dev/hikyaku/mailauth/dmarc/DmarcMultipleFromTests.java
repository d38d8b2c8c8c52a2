package dev.hikyaku.mailauth.dmarc;

import static dev.hikyaku.mailauth.dmarc.DmarcEvaluatorTests.spf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Zero or several RFC5322.From domains (RFC 9989 §5.3.1 and §11.5). */
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
  void tooManyAuthorDomainsGivePermerror() {
    DmarcVerdict verdict =
        evaluate(
            List.of("a.example", "b.example", "c.example", "d.example", "e.example"), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
    assertThat(verdict.reason()).contains("5 Author Domains");
    assertThat(zone.queries()).isEmpty();
  }

  @Test
  void aMissingFromDomainGivesPermerror() {
    DmarcVerdict verdict = evaluate(List.of(), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
    assertThat(verdict.authorDomain()).isEmpty();
    assertThat(verdict.reason()).contains("no RFC5322.From domain");
  }

  @Test
  void aFromDomainThatIsNotADomainNameGivesPermerror() {
    DmarcVerdict verdict = evaluate(List.of("a.example", "[192.0.2.1]"), "a.example");

    assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
    assertThat(verdict.reason()).contains("[192.0.2.1]");
  }
}
