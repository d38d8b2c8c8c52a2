package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.headers.Hop;
import dev.hikyaku.diagnose.headers.ReceivedField;
import dev.hikyaku.diagnose.headers.TlsInfo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the hop table as the console and the API show it: what one Received field says, in
 * transit order, and the delay since the hop before.
 *
 * @param number 1 for the earliest (bottom-most) field
 * @param from the {@code from} clause as written (HELO name, reverse DNS name or address literal)
 * @param fromHostName the sending host's name as the receiver looked it up
 * @param fromAddress the sending host's IP address
 * @param helo the name the sending host gave in HELO/EHLO
 * @param by the receiving host
 * @param with the protocol, such as {@code ESMTPS}
 * @param id the receiving MTA's queue id
 * @param recipient the {@code for} clause's address
 * @param tlsVersion the TLS version, where the field states it
 * @param tlsCipher the cipher suite, where the field states it
 * @param encrypted whether the field says TLS was used, by its details or its protocol name
 * @param time the time the receiving host stamped
 * @param delaySeconds the seconds since the nearest earlier hop with a time; negative is skew
 * @param clockSkew whether the delay is negative, which only a wrong clock explains
 * @param internetPath whether the hop crosses between organisations over the internet
 * @param firstExternal whether this is the first hop outside the sender's organisation
 * @param mta the receiving software, as far as the field's style tells
 * @param problems what could not be read in the field
 */
public record HopRow(
    int number,
    Optional<String> from,
    Optional<String> fromHostName,
    Optional<String> fromAddress,
    Optional<String> helo,
    Optional<String> by,
    Optional<String> with,
    Optional<String> id,
    Optional<String> recipient,
    Optional<String> tlsVersion,
    Optional<String> tlsCipher,
    boolean encrypted,
    Optional<OffsetDateTime> time,
    Optional<Long> delaySeconds,
    boolean clockSkew,
    boolean internetPath,
    boolean firstExternal,
    String mta,
    List<String> problems) {

  public HopRow {
    Objects.requireNonNull(mta, "mta");
    problems = List.copyOf(problems);
  }

  static HopRow of(Hop hop, boolean firstExternal) {
    ReceivedField r = hop.received();
    return new HopRow(
        hop.number(),
        r.from(),
        r.fromHostName(),
        r.fromAddress(),
        r.helo(),
        r.by(),
        r.with(),
        r.id(),
        r.recipient(),
        r.tls().flatMap(TlsInfo::version),
        r.tls().flatMap(TlsInfo::cipher),
        r.encrypted(),
        hop.time(),
        hop.delay().map(Duration::toSeconds),
        hop.clockSkew(),
        hop.internetPath(),
        firstExternal,
        r.mta().name(),
        r.problems());
  }

  /** The sending host as people read it: {@code name [address]}. */
  public String sender() {
    String name = fromHostName.or(() -> from).orElse("");
    return fromAddress
        .map(a -> name.isEmpty() ? "[" + a + "]" : name + " [" + a + "]")
        .orElse(name);
  }

  /** The delay for people: {@code 7m20s}, {@code -3s}; empty without one. */
  public String delayText() {
    return delaySeconds.map(HopRow::duration).orElse("");
  }

  static String duration(long seconds) {
    String sign = seconds < 0 ? "-" : "";
    long s = Math.abs(seconds);
    return s >= 3600
        ? String.format("%s%dh%02dm%02ds", sign, s / 3600, s % 3600 / 60, s % 60)
        : s >= 60 ? String.format("%s%dm%02ds", sign, s / 60, s % 60) : sign + s + "s";
  }
}
