package dev.hikyaku.mailauth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.IpLiterals;

/**
 * Fuzzes the SPF record parser and evaluator with Jazzer: any record text, sender and HELO give a
 * verdict, never an exception. Run briefly in every build (see mailauth/pom.xml) and for longer
 * with {@code mailauth/fuzz.sh SpfFuzzTests 3600}.
 */
class SpfFuzzTests {

  /** The entry point for both JUnit and Jazzer's command line. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String record = data.consumeString(600);
    String included = data.consumeString(200);
    String sender = data.consumeString(80);
    String helo = data.consumeString(40);
    InMemoryZone zone =
        new InMemoryZone()
            .txt("example.com", "v=spf1 " + record)
            .txt("inc.example.com", "v=spf1 " + included)
            .address("a.example.com", "192.0.2.1")
            .mx("example.com", 10, "a.example.com");
    try {
      SpfRecord.parse("v=spf1 " + record);
    } catch (SpfSyntaxException expected) {
      // a syntax error is a valid outcome; anything else thrown is a finding
    }
    SpfVerdict verdict =
        new SpfChecker(zone)
            .checkMailFrom(IpLiterals.parse("192.0.2.1"), sender + "@example.com", helo);
    assertThat(verdict.reason()).doesNotStartWith("internal error");
  }

  @DictionaryEntries({
    "include:inc.example.com",
    "redirect=",
    "exp=",
    "%{ir}",
    "%{d2}",
    "%{l-}",
    "ip4:192.0.2.0/24",
    "ip6:2001:db8::/32",
    "a:a.example.com/24",
    "mx//64",
    "ptr",
    "exists:",
    "-all",
    "~all"
  })
  @FuzzTest(maxDuration = "20s")
  void anyRecordShouldGiveAVerdict(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }
}
