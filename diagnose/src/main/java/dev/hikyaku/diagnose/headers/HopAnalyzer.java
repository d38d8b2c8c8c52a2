package dev.hikyaku.diagnose.headers;

import dev.hikyaku.mailauth.message.AddressList;
import dev.hikyaku.mailauth.message.HeaderBlock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the hop table of a message from its Received fields and reports what is out of line.
 *
 * <p>The Received fields are read bottom-up, which is transit order (RFC 5321 §4.4: each MTA adds
 * its field at the top). Each hop's delay is the time since the nearest earlier hop with a time; a
 * negative delay is clock skew. The transit time runs from the first to the last hop with a time,
 * and from the Date field to the last hop.
 *
 * <p>The first hop outside the sender's organisation is found by a deliberately simple heuristic on
 * organizational domains, approximated offline (last two labels, three under {@code co.jp}-like
 * second levels; no public suffix list, no DNS). The sender's organisations are those of the From
 * field's domains and of the first hop's sending host. Walking the hops in transit order, a hop
 * whose {@code by} host is in one of them stays inside, and so does a hop whose {@code by} and
 * sending host share an organisation (a provider handing mail to itself), which then joins them;
 * the first other hop with a {@code by} domain is the first external one. That hop, and any later
 * one between two organisations, is on the internet path, where TLS is expected, unless the
 * receiver recorded a private, loopback or link-local sending address.
 *
 * <p>Any input gives a report, never an exception. At most {@link #MAX_HEADER_BYTES} are read and
 * at most {@link #MAX_HOPS} Received fields analysed (the ones nearest the recipient, which its own
 * servers wrote); the work is linear in the input.
 */
public final class HopAnalyzer {

  /** The header block is read up to this many bytes. */
  public static final int MAX_HEADER_BYTES = 2 * 1024 * 1024;

  /** At most this many Received fields are analysed, the topmost ones. */
  public static final int MAX_HOPS = 200;

  private final Clock clock;
  private final HopThresholds thresholds;

  /** An analyzer with {@link HopThresholds#defaults()}; {@code clock} tells a future Date. */
  public HopAnalyzer(Clock clock) {
    this(clock, HopThresholds.defaults());
  }

  /** An analyzer with the given thresholds. */
  public HopAnalyzer(Clock clock, HopThresholds thresholds) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  /** Analyses the header block at the start of {@code message} (a whole message or its headers). */
  public HopReport analyze(byte[] message) {
    HeaderBlock headers = HeaderBlock.read(message, MAX_HEADER_BYTES);
    return analyze(headers, message.length > MAX_HEADER_BYTES && !endsWithin(message));
  }

  /** Analyses header text such as pasted into the console; a body after a blank line is ignored. */
  public HopReport analyze(String headers) {
    return analyze(headers.getBytes(StandardCharsets.UTF_8));
  }

  /** Analyses a header block already read. */
  public HopReport analyze(HeaderBlock headers) {
    return analyze(headers, false);
  }

  private HopReport analyze(HeaderBlock headers, boolean truncated) {
    List<String> values = headers.values("Received");
    int count = values.size();
    List<ReceivedField> fields = new ArrayList<>(Math.min(count, MAX_HOPS));
    for (int i = Math.min(count, MAX_HOPS) - 1; i >= 0; i--) {
      fields.add(ReceivedField.parse(values.get(i)));
    }
    List<String> fromDomains = new ArrayList<>();
    for (String from : headers.values("From")) {
      fromDomains.addAll(AddressList.domains(from));
    }
    OptionalInt external = OrganizationBoundary.firstExternal(fields, fromDomains);
    List<Hop> hops = hops(fields, external.orElse(Integer.MAX_VALUE));
    List<String> dates = headers.values("Date");
    Optional<DateParse> dateParse = dates.stream().findFirst().map(MailDate::parse);
    Optional<OffsetDateTime> date = dateParse.flatMap(DateParse::dateTime);
    Optional<OffsetDateTime> first = hops.stream().flatMap(h -> h.time().stream()).findFirst();
    Optional<OffsetDateTime> last =
        hops.reversed().stream().flatMap(h -> h.time().stream()).findFirst();
    long timed = hops.stream().filter(h -> h.time().isPresent()).limit(2).count();
    Optional<Duration> transit =
        timed < 2 ? Optional.empty() : Optional.of(Duration.between(first.get(), last.get()));
    Optional<Duration> sinceDate = date.flatMap(d -> last.map(l -> Duration.between(d, l)));

    HopFindings findings = new HopFindings(thresholds, clock.instant());
    if (truncated) {
      findings.headersTruncated(MAX_HEADER_BYTES);
    }
    findings.receivedCount(count, MAX_HOPS);
    hops.forEach(findings::hop);
    findings.date(dates.size(), dateParse, first);
    return new HopReport(
        hops,
        count,
        date,
        transit,
        sinceDate,
        external.isPresent() ? OptionalInt.of(external.getAsInt() + 1) : OptionalInt.empty(),
        findings.all());
  }

  private static List<Hop> hops(List<ReceivedField> fields, int firstExternal) {
    List<Hop> hops = new ArrayList<>(fields.size());
    Optional<OffsetDateTime> previous = Optional.empty();
    for (int i = 0; i < fields.size(); i++) {
      ReceivedField field = fields.get(i);
      Optional<OffsetDateTime> time = field.date();
      Optional<Duration> delay =
          time.isPresent() && previous.isPresent()
              ? Optional.of(Duration.between(previous.get(), time.get()))
              : Optional.empty();
      boolean internet =
          !OrganizationBoundary.internalAddress(field)
              && (i == firstExternal || i > firstExternal && OrganizationBoundary.crosses(field));
      hops.add(
          new Hop(i + 1, field, delay, delay.map(Duration::isNegative).orElse(false), internet));
      if (time.isPresent()) {
        previous = time;
      }
    }
    return hops;
  }

  /** Whether the header block's blank line lies within {@link #MAX_HEADER_BYTES}. */
  private static boolean endsWithin(byte[] message) {
    int end = Math.min(message.length, MAX_HEADER_BYTES);
    for (int i = 0; i + 1 < end; i++) {
      if (message[i] == '\n'
          && (message[i + 1] == '\n'
              || i + 2 < end && message[i + 1] == '\r' && message[i + 2] == '\n')) {
        return true;
      }
    }
    return false;
  }
}
