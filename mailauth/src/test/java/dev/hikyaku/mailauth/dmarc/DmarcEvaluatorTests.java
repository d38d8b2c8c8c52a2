package dev.hikyaku.mailauth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.RecordType;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Alignment, results and verdicts for one Author Domain (RFC 9989 §4.4, §5.3). */
class DmarcEvaluatorTests {

  private final InMemoryZone zone = new InMemoryZone();
  private final DmarcEvaluator evaluator = new DmarcEvaluator(zone);

  static SpfCheck spf(SpfResult result, String domain) {
    return SpfCheck.of(result, domain);
  }

  static DkimCheck dkim(DkimResult result, String domain) {
    return DkimCheck.of(result, domain, "s1");
  }

  private DmarcVerdict evaluate(String from, SpfCheck spf, DkimCheck... dkim) {
    return evaluator.evaluate(DmarcInput.of(from, spf, dkim));
  }

  @Test
  void identicalSpfDomainPassesWithoutAnyTreeWalk() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    DmarcVerdict verdict = evaluate("example.com", spf(SpfResult.PASS, "example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.spfAlignedDomain()).contains(DnsDomain.of("example.com"));
    assertThat(verdict.dkimAlignedDomain()).isEmpty();
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(zone.queries()).containsExactly("TXT _dmarc.example.com");
  }

  @Test
  void relaxedSpfAlignmentAcceptsASubdomainOfTheSameOrganizationalDomain() {
    // RFC 9989 Appendix B.1.1, example 2.
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    DmarcVerdict verdict = evaluate("example.com", spf(SpfResult.PASS, "child.example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.organizationalDomain()).contains(DnsDomain.of("example.com"));
  }

  @Test
  void strictSpfAlignmentRequiresIdenticalDomains() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject; aspf=s");

    DmarcVerdict verdict = evaluate("example.com", spf(SpfResult.PASS, "child.example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.reason()).contains("not aligned (strict");
    assertThat(zone.queries()).containsExactly("TXT _dmarc.example.com");
  }

  @Test
  void relaxedDkimAlignmentAcceptsTheParentDomain() {
    // RFC 9989 Appendix B.1.2, example 2.
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    DmarcVerdict verdict =
        evaluate(
            "child.example.com",
            spf(SpfResult.FAIL, "example.net"),
            dkim(DkimResult.PASS, "example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.dkimAlignedDomain()).contains(DnsDomain.of("example.com"));
  }

  @Test
  void strictDkimAlignmentRejectsTheParentDomain() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject; adkim=s");

    DmarcVerdict verdict =
        evaluate(
            "child.example.com",
            spf(SpfResult.FAIL, "example.net"),
            dkim(DkimResult.PASS, "example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
  }

  @Test
  void anUnrelatedDomainIsNotAlignedAndNeedsNoWalkOfItsOwn() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    DmarcVerdict verdict =
        evaluate(
            "example.com",
            spf(SpfResult.PASS, "bounces.example.net"),
            dkim(DkimResult.PASS, "esp.example.org"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(zone.queries()).containsExactly("TXT _dmarc.example.com", "TXT _dmarc.com");
  }

  @Test
  void anyOneAlignedDkimSignatureIsEnough() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    DmarcVerdict verdict =
        evaluate(
            "example.com",
            spf(SpfResult.SOFTFAIL, "example.com"),
            dkim(DkimResult.PASS, "esp.example.org"),
            dkim(DkimResult.FAIL, "example.com"),
            dkim(DkimResult.PASS, "mail.example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.dkimAlignedDomain()).contains(DnsDomain.of("mail.example.com"));
  }

  @Test
  void onlyPassingResultsAreAuthenticatedIdentifiers() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    DmarcVerdict verdict =
        evaluate(
            "example.com",
            spf(SpfResult.NEUTRAL, "example.com"),
            dkim(DkimResult.FAIL, "example.com"),
            dkim(DkimResult.POLICY, "example.com"),
            dkim(DkimResult.TEMPERROR, "example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.reason())
        .contains("SPF neutral for example.com", "no DKIM signature passed");
  }

  @Test
  void aPsdNBoundaryBreaksRelaxedAlignmentBetweenSiblings() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");
    zone.txt("_dmarc.dept.example.com", "v=DMARC1; p=none; psd=n");

    DmarcVerdict verdict =
        evaluate(
            "example.com",
            spf(SpfResult.PASS, "dept.example.com"),
            dkim(DkimResult.PASS, "mail.dept.example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.reason())
        .contains("Organizational Domain dept.example.com is not example.com");
  }

  @Test
  void thePsdExampleOfAppendixB43AlignsSpfButNotDkim() {
    zone.txt("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y");
    zone.txt("_dmarc.giant.bank.example", "v=DMARC1; p=quarantine");

    DmarcVerdict verdict =
        evaluate(
            "giant.bank.example",
            spf(SpfResult.PASS, "mail.giant.bank.example"),
            dkim(DkimResult.PASS, "mail.mega.bank.example"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.spfAlignedDomain()).contains(DnsDomain.of("mail.giant.bank.example"));
    assertThat(verdict.organizationalDomain()).contains(DnsDomain.of("giant.bank.example"));
  }

  @Test
  void aPsdYRecordKeepsRegisteredDomainsFromAligningWithEachOther() {
    zone.txt("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y");
    zone.txt("_dmarc.giant.bank.example", "v=DMARC1; p=quarantine");

    DmarcVerdict verdict = evaluate("giant.bank.example", spf(SpfResult.PASS, "mega.bank.example"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
  }

  @Test
  void noRecordMeansResultNone() {
    DmarcVerdict verdict = evaluate("example.org", spf(SpfResult.PASS, "example.org"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.NONE);
    assertThat(verdict.record()).isEmpty();
    assertThat(verdict.reason()).contains("_dmarc.example.org, _dmarc.org");
  }

  @Test
  void anUnusableRecordGivesPermerror() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=bogus");

    DmarcVerdict verdict = evaluate("example.com", spf(SpfResult.FAIL, "example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
  }

  @Test
  void aTimeoutOnThePolicyRecordGivesTemperror() {
    zone.timeout("_dmarc.example.com", RecordType.TXT);

    DmarcVerdict verdict = evaluate("example.com", spf(SpfResult.PASS, "example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
    assertThat(verdict.reason()).contains("_dmarc.example.com", "timeout");
  }

  @Test
  void aServerFailureDuringPolicyDiscoveryGivesTemperror() {
    zone.serverFailure("_dmarc.com", RecordType.TXT);

    DmarcVerdict verdict = evaluate("mail.example.com", spf(SpfResult.PASS, "example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
  }

  @Test
  void aFailedAlignmentWalkGivesTemperrorWhenNothingElseAligns() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");
    zone.serverFailure("_dmarc.com", RecordType.TXT);

    DmarcVerdict verdict = evaluate("example.com", spf(SpfResult.PASS, "mail.example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
    assertThat(verdict.reason()).contains("alignment unknown");
  }

  @Test
  void aFailedAlignmentWalkDoesNotSpoilAPassFromAnotherIdentifier() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");
    zone.serverFailure("_dmarc.com", RecordType.TXT);

    DmarcVerdict verdict =
        evaluate(
            "example.com",
            spf(SpfResult.PASS, "mail.example.com"),
            dkim(DkimResult.PASS, "example.com"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
    assertThat(verdict.dkimAlignedDomain()).contains(DnsDomain.of("example.com"));
  }

  @Test
  void unicodeAuthorDomainIsLookedUpAsItsAsciiForm() {
    zone.txt("_dmarc.xn--bcher-kva.example", "v=DMARC1; p=reject");

    DmarcVerdict verdict = evaluate("Bücher.example", spf(SpfResult.PASS, "xn--bcher-kva.example"));

    assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
  }

  @Test
  void withoutSpfOrDkimTheMessageFails() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=quarantine");

    DmarcVerdict verdict =
        evaluator.evaluate(new DmarcInput(List.of("example.com"), Optional.empty(), List.of()));

    assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(verdict.reason()).contains("SPF not checked");
  }
}
