package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Objects;

/**
 * What the log analyzer found in the attached Postfix logs: a summary like pflogsumm's, the signs
 * of trouble at our own MTA that the place rules use, and the path of each message the person named
 * (by address, Message-ID or queue ID).
 *
 * @param present whether a log was attached at all
 * @param files the names of the files read
 * @param lines lines read
 * @param postfixLines lines that were Postfix events
 * @param received messages received
 * @param delivered recipients delivered
 * @param deferred delivery attempts deferred
 * @param bounced recipients bounced
 * @param rejected commands and messages rejected
 * @param bounceReasons bounces by reason, most first
 * @param deferralReasons deferrals by reason, most first
 * @param bounceCodes bounces by enhanced status code, most first
 * @param tlsFailures TLS failures of our MTA's outbound connections (see {@link LogSignals})
 * @param dnsFailures temporary DNS failures of our MTA's deliveries
 * @param connectFailures outbound connections that failed (timed out, refused, no route)
 * @param traceTargets what the person asked to follow
 * @param traces the paths of the messages that matched
 * @param tracesOmitted matching messages beyond the limit, not kept
 */
public record LogSection(
    boolean present,
    List<String> files,
    long lines,
    long postfixLines,
    long received,
    long delivered,
    long deferred,
    long bounced,
    long rejected,
    List<Count> bounceReasons,
    List<Count> deferralReasons,
    List<Count> bounceCodes,
    long tlsFailures,
    long dnsFailures,
    long connectFailures,
    List<String> traceTargets,
    List<TraceRow> traces,
    int tracesOmitted) {

  /** No log was attached. */
  public static final LogSection NONE =
      new LogSection(
          false, List.of(), 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), 0, 0, 0,
          List.of(), List.of(), 0);

  public LogSection {
    files = List.copyOf(files);
    bounceReasons = List.copyOf(bounceReasons);
    deferralReasons = List.copyOf(deferralReasons);
    bounceCodes = List.copyOf(bounceCodes);
    traceTargets = List.copyOf(traceTargets);
    traces = List.copyOf(traces);
  }

  /** A key and how often it occurred. */
  public record Count(String key, long count) {
    public Count {
      Objects.requireNonNull(key, "key");
    }

    Count map(TextMapper f) {
      return new Count(f.apply(key), count);
    }
  }

  /** One message's path through Postfix. */
  public record TraceRow(
      String queueId,
      String messageId,
      String sender,
      String client,
      String firstSeen,
      String lastSeen,
      String end,
      List<TraceRecipient> recipients,
      List<String> notes) {

    public TraceRow {
      recipients = List.copyOf(recipients);
      notes = List.copyOf(notes);
    }

    TraceRow map(TextMapper f) {
      return new TraceRow(
          queueId,
          f.messageId(messageId),
          f.apply(sender),
          f.apply(client),
          firstSeen,
          lastSeen,
          end,
          recipients.stream().map(r -> r.map(f)).toList(),
          notes.stream().map(f).toList());
    }
  }

  /** One recipient's latest outcome in a trace. */
  public record TraceRecipient(
      String recipient, String status, String dsn, String relay, String response, int attempts) {
    TraceRecipient map(TextMapper f) {
      return new TraceRecipient(
          f.apply(recipient), status, dsn, f.apply(relay), f.apply(response), attempts);
    }
  }

  /** The same section with every free text passed through {@code f} (redaction). */
  LogSection map(TextMapper f) {
    return new LogSection(
        present,
        files.stream().map(f).toList(),
        lines,
        postfixLines,
        received,
        delivered,
        deferred,
        bounced,
        rejected,
        bounceReasons.stream().map(c -> c.map(f)).toList(),
        deferralReasons.stream().map(c -> c.map(f)).toList(),
        bounceCodes,
        tlsFailures,
        dnsFailures,
        connectFailures,
        traceTargets.stream().map(t -> t.startsWith("<") ? f.messageId(t) : f.apply(t)).toList(),
        traces.stream().map(t -> t.map(f)).toList(),
        tracesOmitted);
  }
}
