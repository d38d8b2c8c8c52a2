package dev.hikyaku.bench;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.IpLiterals;
import dev.hikyaku.mailauth.spf.SpfChecker;
import dev.hikyaku.mailauth.spf.SpfResult;
import dev.hikyaku.mailauth.spf.SpfVerdict;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPF check_host() per second on an in-process zone, for a typical bulk sender's policy: an include
 * chain with ip4/ip6 ranges, an mx and a final -all (6 DNS lookups), and a simple one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpfBenchmark {

  private SpfChecker checker;
  private InetAddress lastInclude;
  private InetAddress simple;

  @Setup
  public void setUp() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("example.jp", "v=spf1 mx include:_spf.mail.example.jp include:_spf.esp.test -all")
            .mx("example.jp", 10, "mx1.example.jp")
            .address("mx1.example.jp", "192.0.2.1")
            .txt("_spf.mail.example.jp", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:1::/48 ~all")
            .txt("_spf.esp.test", "v=spf1 include:_a.esp.test include:_b.esp.test ?all")
            .txt("_a.esp.test", "v=spf1 ip4:203.0.113.0/25 ip4:203.0.113.128/26 ?all")
            .txt("_b.esp.test", "v=spf1 a:relay.esp.test ip4:203.0.113.200 ?all")
            .address("relay.esp.test", "203.0.113.199")
            .txt("simple.example", "v=spf1 ip4:192.0.2.0/24 -all");
    checker = new SpfChecker(zone);
    lastInclude = IpLiterals.parse("203.0.113.200");
    simple = IpLiterals.parse("192.0.2.7");
  }

  /** Passes on the last mechanism of the deepest include: the whole tree is evaluated. */
  @Benchmark
  public SpfVerdict includeChain() {
    SpfVerdict verdict = checker.checkMailFrom(lastInclude, "news@example.jp", "mta.esp.test");
    if (verdict.result() != SpfResult.PASS) {
      throw new IllegalStateException(verdict.toString());
    }
    return verdict;
  }

  /** One TXT lookup and one ip4 match. */
  @Benchmark
  public SpfVerdict singleRecord() {
    return checker.checkMailFrom(simple, "a@simple.example", "mta.simple.example");
  }
}
