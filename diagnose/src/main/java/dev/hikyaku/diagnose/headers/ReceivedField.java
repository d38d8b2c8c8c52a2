package dev.hikyaku.diagnose.headers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Received trace field (RFC 5321 §4.4, RFC 5322 §3.6.7) says, as far as it could be read.
 * Every part is optional because real fields leave parts out; {@link #problems()} says what could
 * not be read. {@link #parse} never throws.
 *
 * @param raw the field's unfolded value
 * @param from the first word of the {@code from} clause as written: the HELO name for most MTAs,
 *     the reverse DNS name or {@code unknown} for Exim and qmail, or an address literal
 * @param fromHostName the sending host's name as the receiving MTA looked it up (reverse DNS), if
 *     it recorded one; {@code unknown} is left out
 * @param fromAddress the sending host's IP address, without brackets or {@code IPv6:} prefix
 * @param helo the name the sending host gave in HELO/EHLO, if the field tells it
 * @param by the receiving host, the first word of the {@code by} clause
 * @param via the {@code via} clause, e.g. Exchange's {@code Frontend Transport}
 * @param with the {@code with} clause before any comment, e.g. {@code ESMTPS} or {@code Microsoft
 *     SMTP Server}
 * @param id the receiving MTA's queue id
 * @param recipient the {@code for} clause's address, without angle brackets
 * @param tls the TLS version and cipher, if the field states them
 * @param mta the receiving software, as far as the field's style tells
 * @param date the date-time after the last ';'
 * @param problems what could not be read, for humans; empty for a clean field
 */
public record ReceivedField(
    String raw,
    Optional<String> from,
    Optional<String> fromHostName,
    Optional<String> fromAddress,
    Optional<String> helo,
    Optional<String> by,
    Optional<String> via,
    Optional<String> with,
    Optional<String> id,
    Optional<String> recipient,
    Optional<TlsInfo> tls,
    Mta mta,
    Optional<OffsetDateTime> date,
    List<String> problems) {

  public ReceivedField {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(fromHostName, "fromHostName");
    Objects.requireNonNull(fromAddress, "fromAddress");
    Objects.requireNonNull(helo, "helo");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(with, "with");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(mta, "mta");
    Objects.requireNonNull(date, "date");
    problems = List.copyOf(problems);
  }

  /** Reads the value of a Received field (unfolded or not); never throws. */
  public static ReceivedField parse(String value) {
    return ReceivedParser.parse(value);
  }

  /** The protocol of the {@code with} clause, if there is one. */
  public Optional<Protocol> protocol() {
    return with.map(Protocol::of);
  }

  /** Whether the field says the hop used TLS, by its TLS details or by its protocol name. */
  public boolean encrypted() {
    return tls.isPresent() || protocol().map(Protocol::tls).orElse(false);
  }

  /**
   * Whether nothing useful could be read: no {@code from}, no {@code by} and no date. qmail's
   * {@code (qmail 123 invoked from network); date} is readable: it has a date.
   */
  public boolean unreadable() {
    return from.isEmpty() && by.isEmpty() && date.isEmpty();
  }
}
