package dev.hikyaku.mailauth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes the DMARC record parser and the evaluator with Jazzer: any record text and any From
 * domains give a parse outcome and a verdict, never an exception.
 */
class DmarcFuzzTests {

  /** The entry point for both JUnit and Jazzer's command line. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String record = data.consumeString(400);
    String parent = data.consumeString(200);
    String from = data.consumeString(80);
    assertThat(DmarcRecord.parse(record)).isNotNull();
    InMemoryZone zone =
        new InMemoryZone().txt("_dmarc.a.example.com", record).txt("_dmarc.example.com", parent);
    DmarcVerdict verdict =
        new DmarcEvaluator(zone)
            .evaluate(
                new DmarcInput(
                    List.of(from + ".example.com", "a.example.com"),
                    Optional.of(new SpfCheck(SpfResult.PASS, DnsDomain.of("b.a.example.com"))),
                    List.of(new DkimCheck(DkimResult.PASS, DnsDomain.of("example.com"), "s"))));
    assertThat(verdict.result()).isNotNull();
  }

  @DictionaryEntries({
    "v=DMARC1; ",
    "p=reject; ",
    "sp=none; ",
    "np=quarantine; ",
    "psd=y; ",
    "psd=n; ",
    "adkim=s; ",
    "aspf=r; ",
    "t=y; ",
    "rua=mailto:a@example.com; ",
    "pct=50"
  })
  @FuzzTest(maxDuration = "20s")
  void anyRecordShouldGiveAVerdict(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }
}
