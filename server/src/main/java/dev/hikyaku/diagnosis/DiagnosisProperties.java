package dev.hikyaku.diagnosis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the console and API analyzers.
 *
 * @param maxMessageSize how much of an uploaded or posted message the header analyzer reads; the
 *     rest is not read and the report says so (the hop analysis needs only the header block, the
 *     encoding analysis the start of each part, the DKIM re-check the whole message)
 * @param maxTraces how many matching messages a log trace lists; the rest are only counted, so an
 *     address found in millions of lines of a multi-gigabyte log still costs bounded memory
 * @param checkTimeout the longest a domain check may take as a whole (DNS, then the STARTTLS probe)
 * @param tlsProbePort the port the STARTTLS probe connects to on the MX hosts (25 except in tests)
 * @param tlsProbeTimeout how long the probe waits to connect and for each reply
 * @param tlsProbeMaxHosts how many MX hosts the probe tries, lowest preference first
 */
@ConfigurationProperties("hikyaku.diagnosis")
public record DiagnosisProperties(
    @DefaultValue("50MB") DataSize maxMessageSize,
    @DefaultValue("200") int maxTraces,
    @DefaultValue("90s") Duration checkTimeout,
    @DefaultValue("25") int tlsProbePort,
    @DefaultValue("5s") Duration tlsProbeTimeout,
    @DefaultValue("3") int tlsProbeMaxHosts) {

  public DiagnosisProperties {
    if (maxMessageSize.toBytes() < 64 * 1024 || maxMessageSize.toBytes() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "hikyaku.diagnosis.max-message-size must be between 64KB and 2GB");
    }
    if (maxTraces < 1
        || tlsProbePort < 1
        || tlsProbePort > 65535
        || tlsProbeMaxHosts < 1
        || checkTimeout.isNegative()
        || checkTimeout.isZero()
        || tlsProbeTimeout.isNegative()
        || tlsProbeTimeout.isZero()) {
      throw new IllegalArgumentException("hikyaku.diagnosis: limits must be positive");
    }
  }
}
