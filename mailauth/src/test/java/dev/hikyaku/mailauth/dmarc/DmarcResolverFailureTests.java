package dev.hikyaku.mailauth.dmarc;

import static dev.hikyaku.mailauth.dmarc.DmarcEvaluatorTests.spf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.MxRecord;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A resolver that breaks its contract by throwing gives temperror, never an exception. */
class DmarcResolverFailureTests {

  private final InMemoryZone zone = new InMemoryZone();

  @Test
  void aResolverThrowingOnThePolicyQueryShouldEndTheWalkAsATemporaryFailure() {
    TreeWalk walk = new TreeWalk(new ThrowingResolver(zone, Set.of("_dmarc.example.com")));

    WalkOutcome outcome = walk.walk(DnsDomain.of("mail.example.com"));

    assertThat(outcome).isInstanceOf(WalkOutcome.Failed.class);
    WalkOutcome.Failed failed = (WalkOutcome.Failed) outcome;
    assertThat(failed.failedAt()).isEqualTo(DnsDomain.of("example.com"));
    assertThat(failed.detail())
        .isEqualTo(
            "DNS lookup failed: IllegalStateException: resolver broke on _dmarc.example.com");
  }

  @Test
  void aResolverThrowingOnThePolicyQueryShouldGiveTemperror() {
    DmarcEvaluator evaluator =
        new DmarcEvaluator(new ThrowingResolver(zone, Set.of("_dmarc.example.com")));

    DmarcVerdict verdict =
        evaluator.evaluate(DmarcInput.of("example.com", spf(SpfResult.FAIL, "example.com")));

    assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
    assertThat(verdict.reason()).contains("DNS lookup failed: IllegalStateException");
  }

  @Test
  void aResolverThrowingOnTheExistenceQueryForNpShouldGiveTemperror() {
    zone.txt("_dmarc.example.com", "v=DMARC1; p=none; np=reject");
    DmarcEvaluator evaluator =
        new DmarcEvaluator(new ThrowingResolver(zone, Set.of("ghost.example.com")));

    DmarcVerdict verdict =
        evaluator.evaluate(
            DmarcInput.of("ghost.example.com", spf(SpfResult.FAIL, "ghost.example.com")));

    assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
    assertThat(verdict.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    assertThat(verdict.reason()).contains("exists (for np) could not be determined");
  }

  /** Answers from {@code zone}, but throws for every query of a name in {@code broken}. */
  private record ThrowingResolver(DnsResolver zone, Set<String> broken) implements DnsResolver {

    private void check(String name) {
      if (broken.contains(name)) {
        throw new IllegalStateException("resolver broke on " + name);
      }
    }

    @Override
    public DnsResult<String> txt(String name) {
      check(name);
      return zone.txt(name);
    }

    @Override
    public DnsResult<InetAddress> a(String name) {
      check(name);
      return zone.a(name);
    }

    @Override
    public DnsResult<InetAddress> aaaa(String name) {
      check(name);
      return zone.aaaa(name);
    }

    @Override
    public DnsResult<MxRecord> mx(String name) {
      check(name);
      return zone.mx(name);
    }

    @Override
    public DnsResult<String> ptr(InetAddress address) {
      return zone.ptr(address);
    }
  }
}
