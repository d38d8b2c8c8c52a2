package dev.hikyaku.mailauth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.RecordType;
import org.junit.jupiter.api.Test;

/** Counting what a domain's SPF policy costs, as a domain check reports it. */
class SpfPolicyInspectorTests {

  @Test
  void lookupsShouldBeCountedThroughIncludesAndRedirects() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("example.jp", "v=spf1 mx a include:_spf.esp.test redirect=_r.example.jp")
            .mx("example.jp", 10, "mx.example.jp")
            .txt("_spf.esp.test", "v=spf1 include:_a.esp.test ip4:192.0.2.0/24 ~all")
            .txt("_a.esp.test", "v=spf1 exists:%{i}.x.esp.test ?all")
            .txt("_r.example.jp", "v=spf1 -all");

    SpfPolicyReport report = new SpfPolicyInspector(zone).inspect("Example.JP");

    // mx, a, include, include (nested), exists, redirect
    assertThat(report.dnsLookups()).isEqualTo(6);
    assertThat(report.includes()).containsExactly("_spf.esp.test", "_a.esp.test", "_r.example.jp");
    assertThat(report.record())
        .contains("v=spf1 mx a include:_spf.esp.test redirect=_r.example.jp");
    assertThat(report.exceedsLookupLimit()).isFalse();
  }

  @Test
  void tooManyLookupsVoidNamesAndPtrShouldBeProblems() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt(
                "big.example",
                "v=spf1 ptr a:gone1.big.example a:gone2.big.example a:gone3.big.example"
                    + " include:i.big.example -all")
            .txt("i.big.example", "v=spf1 a a a a a a a ?all");

    SpfPolicyReport report = new SpfPolicyInspector(zone).inspect("big.example");

    assertThat(report.dnsLookups()).isEqualTo(12);
    assertThat(report.voidLookups()).isEqualTo(3);
    assertThat(report.exceedsLookupLimit()).isTrue();
    assertThat(report.problems())
        .anyMatch(p -> p.contains("12 DNS-querying terms"))
        .anyMatch(p -> p.contains("3 names that do not exist"))
        .anyMatch(p -> p.contains("do not use ptr"));
  }

  @Test
  void missingDuplicatedLoopingAndFailingRecordsShouldBeReported() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("two.example", "v=spf1 -all")
            .txt("two.example", "v=spf1 ~all")
            .txt("loop.example", "v=spf1 include:loop.example -all")
            .txt("inc.example", "v=spf1 include:none.example +all")
            .timeout("slow.example", RecordType.TXT);
    SpfPolicyInspector inspector = new SpfPolicyInspector(zone);

    assertThat(inspector.inspect("nothing.example").problems())
        .containsExactly("no SPF record at nothing.example");
    assertThat(inspector.inspect("two.example").problems().get(0)).contains("2 SPF records");
    assertThat(inspector.inspect("loop.example").problems()).anyMatch(p -> p.contains("loop"));
    assertThat(inspector.inspect("inc.example").problems())
        .anyMatch(p -> p.contains("included domain has no SPF record: none.example"))
        .anyMatch(p -> p.contains("+all"));
    assertThat(inspector.inspect("slow.example").problems().get(0)).contains("temperror");
  }
}
