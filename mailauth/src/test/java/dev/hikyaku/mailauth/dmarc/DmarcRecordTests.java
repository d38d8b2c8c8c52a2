package dev.hikyaku.mailauth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmarcRecordTests {

  static DmarcRecord valid(String text) {
    DmarcRecordParse parse = DmarcRecord.parse(text);
    assertThat(parse).isInstanceOf(DmarcRecordParse.Valid.class);
    return ((DmarcRecordParse.Valid) parse).record();
  }

  static String invalidReason(String text) {
    DmarcRecordParse parse = DmarcRecord.parse(text);
    assertThat(parse).isInstanceOf(DmarcRecordParse.Invalid.class);
    return ((DmarcRecordParse.Invalid) parse).reason();
  }

  @Test
  void minimalRecordGetsTheDefaultsOfSection47() {
    DmarcRecord record = valid("v=DMARC1; p=reject");

    assertThat(record.policy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(record.subdomainPolicy()).isEmpty();
    assertThat(record.nonExistentPolicy()).isEmpty();
    assertThat(record.dkimAlignment()).isEqualTo(Alignment.RELAXED);
    assertThat(record.spfAlignment()).isEqualTo(Alignment.RELAXED);
    assertThat(record.failureOptions()).containsExactly("0");
    assertThat(record.testing()).isFalse();
    assertThat(record.psd()).isEqualTo(PsdFlag.UNSPECIFIED);
    assertThat(record.aggregateReportUris()).isEmpty();
    assertThat(record.usable()).isTrue();
    assertThat(record.notes()).isEmpty();
  }

  @Test
  void everyTagIsRead() {
    DmarcRecord record =
        valid(
            "v=DMARC1; p=quarantine; sp=reject; np=reject; adkim=s; aspf=s;"
                + " rua=mailto:agg@example.com,mailto:agg@example.net!10m;"
                + " ruf=mailto:fail@example.com; fo=1:d:s; t=y; psd=n");

    assertThat(record.policy()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(record.subdomainPolicy()).contains(DmarcPolicy.REJECT);
    assertThat(record.nonExistentPolicy()).contains(DmarcPolicy.REJECT);
    assertThat(record.dkimAlignment()).isEqualTo(Alignment.STRICT);
    assertThat(record.spfAlignment()).isEqualTo(Alignment.STRICT);
    assertThat(record.aggregateReportUris())
        .containsExactly(
            URI.create("mailto:agg@example.com"), URI.create("mailto:agg@example.net"));
    assertThat(record.failureReportUris()).containsExactly(URI.create("mailto:fail@example.com"));
    assertThat(record.failureOptions()).containsExactly("1", "d", "s");
    assertThat(record.testing()).isTrue();
    assertThat(record.psd()).isEqualTo(PsdFlag.NO);
    assertThat(record.notes()).isEmpty();
  }

  @Test
  void versionMustBeTheFirstTag() {
    assertThat(invalidReason("p=reject; v=DMARC1")).contains("does not start with a v tag");
    assertThat(invalidReason("")).contains("does not start with a v tag");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v=DMARC2; p=reject", "v=dmarc1; p=reject", "v=DMARC1 p=reject", "v="})
  void versionMustBeExactlyDmarc1(String text) {
    assertThat(invalidReason(text)).contains("not exactly DMARC1");
  }

  @Test
  void missingPolicyIsTreatedAsNone() {
    DmarcRecord record = valid("v=DMARC1; rua=mailto:agg@example.com");

    assertThat(record.policy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(record.usable()).isTrue();
    assertThat(record.notes()).anyMatch(n -> n.contains("no p tag"));
  }

  @Test
  void versionAloneIsAValidRecordWithPolicyNone() {
    assertThat(valid("v=DMARC1").policy()).isEqualTo(DmarcPolicy.NONE);
  }

  @Test
  void invalidPolicyWithValidRuaActsAsPolicyNone() {
    DmarcRecord record = valid("v=DMARC1; p=block; sp=reject; rua=mailto:agg@example.com");

    assertThat(record.usable()).isTrue();
    assertThat(record.policy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(record.subdomainPolicy()).isEmpty();
    assertThat(record.notes()).anyMatch(n -> n.contains("acting as p=none"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=DMARC1; p=block",
        "v=DMARC1; p=",
        "v=DMARC1; p=reject; sp=bogus",
        "v=DMARC1; p=reject; np=always",
        "v=DMARC1; p=block; rua=not a uri"
      })
  void invalidPolicyWithoutValidRuaMakesTheRecordUnusable(String text) {
    DmarcRecord record = valid(text);

    assertThat(record.usable()).isFalse();
    assertThat(record.notes()).anyMatch(n -> n.contains("no DMARC processing"));
  }

  @Test
  void invalidValuesOfOtherTagsFallBackToTheirDefaults() {
    DmarcRecord record = valid("v=DMARC1; p=reject; adkim=x; aspf=strict; t=maybe; psd=q; fo=0:1");

    assertThat(record.usable()).isTrue();
    assertThat(record.dkimAlignment()).isEqualTo(Alignment.RELAXED);
    assertThat(record.spfAlignment()).isEqualTo(Alignment.RELAXED);
    assertThat(record.testing()).isFalse();
    assertThat(record.psd()).isEqualTo(PsdFlag.UNSPECIFIED);
    assertThat(record.failureOptions()).containsExactly("0");
    assertThat(record.notes()).hasSize(5);
  }

  @Test
  void unknownTagsAreIgnored() {
    DmarcRecord record = valid("v=DMARC1; p=reject; foo=bar; foo=baz; x-y=1; junk");

    assertThat(record.policy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(record.notes())
        .anyMatch(n -> n.contains("unknown tag (§4.7): foo"))
        .anyMatch(n -> n.contains("malformed tag: x-y=1"))
        .anyMatch(n -> n.contains("malformed tag: junk"));
  }

  @Test
  void historicTagsOfRfc7489AreAcceptedAndIgnored() {
    DmarcRecord record = valid("v=DMARC1; p=reject; pct=10; rf=afrf; ri=3600");

    assertThat(record.policy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(record.testing()).isFalse();
    assertThat(record.notes()).hasSize(3).allMatch(n -> n.contains("historic"));
  }

  @Test
  void aKnownTagGivenTwiceInvalidatesTheRecord() {
    assertThat(invalidReason("v=DMARC1; p=none; p=reject"))
        .contains("tag p appears more than once");
    assertThat(invalidReason("v=DMARC1; p=none; v=DMARC1"))
        .contains("tag v appears more than once");
    assertThat(invalidReason("v=DMARC1; p=none; ADKIM=s; adkim=r")).contains("adkim");
  }

  @Test
  void whitespaceAroundSeparatorsAndEqualsIsAllowed() {
    DmarcRecord record = valid("  v = DMARC1 ;\tp = reject ;  adkim= s ;; ");

    assertThat(record.policy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(record.dkimAlignment()).isEqualTo(Alignment.STRICT);
  }

  @Test
  void tagNamesAndKeywordValuesAreCaseInsensitive() {
    DmarcRecord record = valid("V=DMARC1; P=Reject; SP=NONE; ADKIM=S; T=Y; PSD=N");

    assertThat(record.policy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(record.subdomainPolicy()).contains(DmarcPolicy.NONE);
    assertThat(record.dkimAlignment()).isEqualTo(Alignment.STRICT);
    assertThat(record.testing()).isTrue();
    assertThat(record.psd()).isEqualTo(PsdFlag.NO);
  }

  @Test
  void obsoleteReportSizeSuffixIsDroppedAndBadUrisIgnored() {
    DmarcRecord record = valid("v=DMARC1; p=none; rua=mailto:a@example.com!50k, relative , ");

    assertThat(record.aggregateReportUris()).containsExactly(URI.create("mailto:a@example.com"));
    assertThat(record.notes()).hasSize(2);
  }

  @Test
  void subdomainAndNonExistentPoliciesFallBackAsSection47Says() {
    DmarcRecord onlyP = valid("v=DMARC1; p=reject");
    DmarcRecord withSp = valid("v=DMARC1; p=reject; sp=quarantine");
    DmarcRecord withNp = valid("v=DMARC1; p=none; np=reject");

    assertThat(onlyP.policyFor(PolicyTag.SP)).isEqualTo(DmarcPolicy.REJECT);
    assertThat(onlyP.policyFor(PolicyTag.NP)).isEqualTo(DmarcPolicy.REJECT);
    assertThat(withSp.policyFor(PolicyTag.NP)).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(withNp.policyFor(PolicyTag.SP)).isEqualTo(DmarcPolicy.NONE);
    assertThat(withNp.policyFor(PolicyTag.NP)).isEqualTo(DmarcPolicy.REJECT);
  }

  @Test
  void testingLowersEachPolicyOneLevel() {
    assertThat(DmarcPolicy.REJECT.oneLevelBelow()).isEqualTo(DmarcPolicy.QUARANTINE);
    assertThat(DmarcPolicy.QUARANTINE.oneLevelBelow()).isEqualTo(DmarcPolicy.NONE);
    assertThat(DmarcPolicy.NONE.oneLevelBelow()).isEqualTo(DmarcPolicy.NONE);
  }

  @Test
  void parsingNeverThrows() {
    assertThat(DmarcRecord.parse(null)).isInstanceOf(DmarcRecordParse.Invalid.class);
    Random random = new Random(9989);
    String alphabet = "v=DMARC1;p=rejctsnoaqu ,:!\t\"\\é\u0000";
    assertThatCode(
            () -> {
              for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder(i % 3 == 0 ? "v=DMARC1;" : "");
                for (int j = random.nextInt(60); j > 0; j--) {
                  text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                DmarcRecord.parse(text.toString());
              }
            })
        .doesNotThrowAnyException();
    assertThat(DmarcPolicy.fromTagValue("reject")).isEqualTo(Optional.of(DmarcPolicy.REJECT));
  }
}
