package dev.hikyaku.diagnose.domain;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Whether and how the domain check connects to the MX hosts to try STARTTLS.
 *
 * @param enabled probe at all (off by default: DNS-only checks open no connections)
 * @param port the SMTP port, 25 except in tests
 * @param timeout for connecting and for each reply
 * @param trust the certificates to trust: the JDK's default CAs unless a test gives its own
 * @param maxHosts how many MX hosts to probe, lowest preference first
 */
public record TlsProbeSettings(
    boolean enabled, int port, Duration timeout, SSLContext trust, int maxHosts) {

  public TlsProbeSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(trust, "trust");
    if (port < 1 || port > 65535 || maxHosts < 1) {
      throw new IllegalArgumentException("bad port or host count");
    }
  }

  /** No probing. */
  public static TlsProbeSettings off() {
    return new TlsProbeSettings(false, 25, Duration.ofSeconds(10), defaultContext(), 3);
  }

  /** Probing port 25 of up to 3 MX hosts, 10 s per step, trusting the JDK's CAs. */
  public static TlsProbeSettings port25() {
    return new TlsProbeSettings(true, 25, Duration.ofSeconds(10), defaultContext(), 3);
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
  }
}
