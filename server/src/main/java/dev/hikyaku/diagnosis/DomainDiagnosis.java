package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.domain.DomainCheck;
import dev.hikyaku.diagnose.domain.DomainReport;
import dev.hikyaku.diagnose.domain.TlsProbeSettings;
import dev.hikyaku.mailauth.dns.DnsResolver;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * The domain check behind the console and the API: MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT, reverse
 * DNS, blocklists and the bulk-sender rules through the application's DNS resolver, and on request
 * a STARTTLS probe of the domain's own MX hosts — the only hosts contacted. The whole check is
 * bounded by {@link DiagnosisProperties#checkTimeout()}.
 */
@Service
public class DomainDiagnosis {

  private final DnsResolver dns;
  private final DiagnosisProperties properties;

  DomainDiagnosis(DnsResolver dns, DiagnosisProperties properties) {
    this.dns = dns;
    this.properties = properties;
  }

  /**
   * Checks the domain as {@code request} says.
   *
   * @throws CheckTimedOutException when the check does not finish in time
   */
  public DomainReport check(DomainCheckRequest request) {
    TlsProbeSettings off = TlsProbeSettings.off();
    TlsProbeSettings tls =
        request.starttls()
            ? new TlsProbeSettings(
                true,
                properties.tlsProbePort(),
                properties.tlsProbeTimeout(),
                off.trust(),
                properties.tlsProbeMaxHosts())
            : off;
    FutureTask<DomainReport> task =
        new FutureTask<>(
            () -> new DomainCheck(dns, tls).check(request.domain(), request.options()));
    // cancel(true) interrupts the worker; the probe's sockets also time out on their own.
    Thread.ofVirtual().name("domain-check").start(task);
    try {
      return task.get(properties.checkTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new CheckTimedOutException(request.domain(), properties.checkTimeout().toSeconds());
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while checking " + request.domain());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("the domain check failed", e.getCause());
    }
  }
}
