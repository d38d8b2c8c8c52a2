package dev.hikyaku.mailauth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.RecordType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DNS Tree Walk of RFC 9989 §4.10 and the Organizational Domain selection of §4.10.2. */
class DmarcTreeWalkTests {

  private final InMemoryZone zone = new InMemoryZone();
  private final TreeWalk walk = new TreeWalk(zone);

  static List<String> txtQueries(String... domains) {
    return Arrays.stream(domains).map(d -> "TXT _dmarc." + d).toList();
  }

  static List<String> names(List<DnsDomain> domains) {
    return domains.stream().map(DnsDomain::name).toList();
  }

  private WalkOutcome.Completed completed(String start) {
    WalkOutcome outcome = walk.walk(DnsDomain.of(start));
    assertThat(outcome).isInstanceOf(WalkOutcome.Completed.class);
    return (WalkOutcome.Completed) outcome;
  }

  @Test
  void shortNamesLoseOneLabelPerQuery() {
    assertThat(names(TreeWalk.targets(DnsDomain.of("a.mail.example.com"))))
        .containsExactly("a.mail.example.com", "mail.example.com", "example.com", "com");
    assertThat(names(TreeWalk.targets(DnsDomain.of("com")))).containsExactly("com");
  }

  @Test
  void longNamesJumpToTheirLastSevenLabelsAsInTheRfcExample() {
    // RFC 9989 §4.10: the eight queries for a.b.c.d.e.f.g.h.i.j.mail.example.com.
    assertThat(names(TreeWalk.targets(DnsDomain.of("a.b.c.d.e.f.g.h.i.j.mail.example.com"))))
        .containsExactly(
            "a.b.c.d.e.f.g.h.i.j.mail.example.com",
            "g.h.i.j.mail.example.com",
            "h.i.j.mail.example.com",
            "i.j.mail.example.com",
            "j.mail.example.com",
            "mail.example.com",
            "example.com",
            "com");
  }

  @Test
  void sevenAndEightLabelNamesWalkEveryLabel() {
    assertThat(TreeWalk.targets(DnsDomain.of("b.c.d.e.f.example.com"))).hasSize(7);
    assertThat(names(TreeWalk.targets(DnsDomain.of("a.b.c.d.e.f.example.com"))))
        .hasSize(8)
        .startsWith("a.b.c.d.e.f.example.com", "b.c.d.e.f.example.com");
  }

  @Test
  void noWalkExceedsEightQueries() {
    DnsDomain deep = DnsDomain.of("x.".repeat(120) + "example.com");

    assertThat(TreeWalk.targets(deep)).hasSize(TreeWalk.MAX_QUERIES);
    walk.walk(deep);
    assertThat(zone.queries()).hasSize(8);
  }

  @Test
  void walkQueriesEveryNameUpToTheTopLevelDomain() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    WalkOutcome.Completed outcome = completed("a.mail.example.com");

    assertThat(zone.queries())
        .isEqualTo(txtQueries("a.mail.example.com", "mail.example.com", "example.com", "com"));
    assertThat(outcome.organizationalDomain()).isEqualTo(DnsDomain.of("example.com"));
  }

  @Test
  void theRecordWithFewestLabelsIsTheOrganizationalDomain() {
    // RFC 9989 §4.10.2, first example.
    zone.txt("_dmarc.mail.example.com", "v=DMARC1; p=none");
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    assertThat(completed("a.mail.example.com").organizationalDomain())
        .isEqualTo(DnsDomain.of("example.com"));
  }

  @Test
  void psdNStopsTheWalkAndNamesItsDomain() {
    // RFC 9989 §4.10.2, second example.
    zone.txt("_dmarc.mail.example.com", "v=DMARC1; p=none; psd=n");
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    WalkOutcome.Completed outcome = completed("a.mail.example.com");

    assertThat(zone.queries()).isEqualTo(txtQueries("a.mail.example.com", "mail.example.com"));
    assertThat(outcome.organizationalDomain()).isEqualTo(DnsDomain.of("mail.example.com"));
  }

  @Test
  void psdYStopsTheWalkAndNamesTheDomainOneLabelBelow() {
    // RFC 9989 §4.10.2, last example.
    zone.txt("_dmarc.com", "v=DMARC1; p=reject; psd=y");

    WalkOutcome.Completed outcome = completed("a.mail.example.com");

    assertThat(outcome.organizationalDomain()).isEqualTo(DnsDomain.of("example.com"));
    assertThat(outcome.publicSuffixRecord().orElseThrow().domain()).isEqualTo(DnsDomain.of("com"));
  }

  @Test
  void psdYOfTheStartDoesNotPushTheOrganizationalDomainBelowIt() {
    zone.txt("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y");

    WalkOutcome.Completed outcome = completed("bank.example");

    assertThat(zone.queries()).isEqualTo(txtQueries("bank.example"));
    assertThat(outcome.organizationalDomain()).isEqualTo(DnsDomain.of("bank.example"));
  }

  @Test
  void psdYAfterTheShortcutNamesTheRightLabel() {
    zone.txt("_dmarc.example", "v=DMARC1; p=reject; psd=y");

    WalkOutcome.Completed outcome = completed("a.b.c.d.e.f.g.h.i.shop.example");

    assertThat(outcome.organizationalDomain()).isEqualTo(DnsDomain.of("shop.example"));
  }

  @Test
  void withoutAnyRecordTheStartIsItsOwnOrganizationalDomain() {
    WalkOutcome.Completed outcome = completed("mail.example.org");

    assertThat(outcome.found()).isEmpty();
    assertThat(outcome.organizationalDomain()).isEqualTo(DnsDomain.of("mail.example.org"));
  }

  @Test
  void theRfcPsdExampleGivesEachIdentifierItsOrganizationalDomain() {
    // RFC 9989 Appendix B.4.3.
    zone.txt("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y");
    zone.txt("_dmarc.giant.bank.example", "v=DMARC1; p=quarantine");

    assertThat(completed("giant.bank.example").organizationalDomain())
        .isEqualTo(DnsDomain.of("giant.bank.example"));
    assertThat(completed("mail.giant.bank.example").organizationalDomain())
        .isEqualTo(DnsDomain.of("giant.bank.example"));
    assertThat(completed("mail.mega.bank.example").organizationalDomain())
        .isEqualTo(DnsDomain.of("mega.bank.example"));
  }

  @Test
  void severalDmarcRecordsAtOneNameAreAllDiscarded() {
    zone.txt("_dmarc.mail.example.com", "v=DMARC1; p=none; psd=n");
    zone.txt("_dmarc.mail.example.com", "v=DMARC1; p=reject; psd=n");
    zone.txt("_dmarc.example.com", "v=DMARC1; p=quarantine");

    WalkOutcome.Completed outcome = completed("mail.example.com");

    assertThat(walk.lookup(DnsDomain.of("mail.example.com")))
        .isInstanceOf(RecordLookup.Absent.class);
    assertThat(outcome.organizationalDomain()).isEqualTo(DnsDomain.of("example.com"));
  }

  @Test
  void otherTxtRecordsBesideTheDmarcRecordAreIgnored() {
    zone.txt("_dmarc.example.com", "v=spf1 -all");
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");
    zone.txt("_dmarc.example.com", "v=DMARC1 p=none");

    assertThat(walk.lookup(DnsDomain.of("example.com"))).isInstanceOf(RecordLookup.Found.class);
  }

  @Test
  void aTemporaryFailureEndsTheWalk() {
    zone.serverFailure("_dmarc.example.com", RecordType.TXT);

    WalkOutcome outcome = walk.walk(DnsDomain.of("a.example.com"));

    assertThat(outcome).isInstanceOf(WalkOutcome.Failed.class);
    assertThat(((WalkOutcome.Failed) outcome).failedAt()).isEqualTo(DnsDomain.of("example.com"));
    assertThat(zone.queries()).isEqualTo(txtQueries("a.example.com", "example.com"));
  }

  @Test
  void eachNameIsQueriedOncePerWalker() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=reject");

    completed("a.example.com");
    completed("b.example.com");

    assertThat(zone.queries())
        .isEqualTo(txtQueries("a.example.com", "example.com", "com", "b.example.com"));
  }
}
