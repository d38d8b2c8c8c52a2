package dev.hikyaku.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.MxRecord;
import dev.hikyaku.mailauth.dns.RecordType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The domain check as a whole is bounded in time, whatever the DNS server does. */
class DomainDiagnosisTests {

  private static DiagnosisProperties properties(Duration checkTimeout) {
    return new DiagnosisProperties(
        DataSize.ofMegabytes(50), 200, checkTimeout, 25, Duration.ofSeconds(1), 3);
  }

  @Test
  void aCheckThatOutlastsTheDeadlineShouldEndWithATimeoutAndStopItsWorker() throws Exception {
    HangingResolver dns = new HangingResolver();
    DomainDiagnosis diagnosis = new DomainDiagnosis(dns, properties(Duration.ofMillis(300)));
    DomainCheckRequest request = new DomainCheckRequest("slow.example", null, null, null, false);

    long started = System.nanoTime();
    assertThatThrownBy(() -> diagnosis.check(request))
        .isInstanceOfSatisfying(
            CheckTimedOutException.class,
            e -> {
              assertThat(e.domain()).isEqualTo("slow.example");
              assertThat(e.seconds()).isZero();
            });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(dns.interrupted.await(5, TimeUnit.SECONDS))
        .as("the worker was interrupted")
        .isTrue();
  }

  @Test
  void aCheckWithinTheDeadlineShouldGiveItsReport() {
    InMemoryZone zone =
        new InMemoryZone()
            .mx("quick.example", 10, "mx.quick.example")
            .txt("quick.example", "v=spf1 -all");
    DomainDiagnosis diagnosis = new DomainDiagnosis(zone, properties(Duration.ofSeconds(30)));

    var report = diagnosis.check(new DomainCheckRequest("quick.example", null, null, null, false));

    assertThat(report.domain()).isEqualTo("quick.example");
    assertThat(report.about("spf.")).isNotEmpty();
    assertThat(report.about("tls.")).isEmpty();
  }

  /** A DNS server that never answers: every lookup blocks until interrupted. */
  private static final class HangingResolver implements DnsResolver {
    final CountDownLatch interrupted = new CountDownLatch(1);

    private <T> DnsResult<T> hang(String name, RecordType type) {
      try {
        Thread.sleep(Duration.ofMinutes(5));
      } catch (InterruptedException e) {
        interrupted.countDown();
        Thread.currentThread().interrupt();
      }
      return new DnsResult.Timeout<>(name, type);
    }

    @Override
    public DnsResult<String> txt(String name) {
      return hang(name, RecordType.TXT);
    }

    @Override
    public DnsResult<InetAddress> a(String name) {
      return hang(name, RecordType.A);
    }

    @Override
    public DnsResult<InetAddress> aaaa(String name) {
      return hang(name, RecordType.AAAA);
    }

    @Override
    public DnsResult<MxRecord> mx(String name) {
      return hang(name, RecordType.MX);
    }

    @Override
    public DnsResult<String> ptr(InetAddress address) {
      return hang(address.getHostAddress(), RecordType.PTR);
    }
  }
}
