package dev.hikyaku.diagnosis;

import dev.hikyaku.delivery.DeliveryRecord;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Traces messages through Hikyaku's own delivery records (the {@code delivery} and {@code
 * delivery_attempt} tables, through {@link DeliveryService}): Hikyaku writes no line-oriented
 * delivery log for the log analyzer to read, so its messages are traced where their outcomes are
 * kept. By recipient address, or by Message-ID: a campaign message's Message-ID is {@code
 * <token@sending-domain>}, and the token names its delivery row.
 */
@Service
public class DeliveryTrace {

  /** What every delivery-trace result says it was read from. */
  public static final String SOURCE = "hikyaku-deliveries";

  private final DeliveryService deliveries;

  DeliveryTrace(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  /**
   * The messages for each term.
   *
   * @param source always {@value #SOURCE}
   * @param results one per term, in order
   */
  public record Report(String source, List<TermResult> results) {
    public Report {
      results = List.copyOf(results);
    }
  }

  /**
   * What one term found.
   *
   * @param term the term as typed
   * @param kind what it was taken for
   * @param records the messages, newest first (at most 50 per address)
   * @param note why nothing could be looked up for it, when nothing could
   */
  public record TermResult(
      String term, TraceTerms.Kind kind, List<DeliveryRecord> records, Optional<String> note) {
    public TermResult {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(kind, "kind");
      records = List.copyOf(records);
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * Looks up every term.
   *
   * @throws InvalidInputException when there is no term
   */
  public Report trace(TraceTerms terms) {
    if (terms.isEmpty()) {
      throw new InvalidInputException(
          "trace", "diagnosis.trace-required", "give an address or a Message-ID to trace");
    }
    List<TermResult> results = new ArrayList<>();
    for (String term : terms.values()) {
      TraceTerms.Kind kind = TraceTerms.kind(term);
      results.add(
          switch (kind) {
            case ADDRESS ->
                new TermResult(term, kind, deliveries.forRecipient(term), Optional.empty());
            case MESSAGE_ID -> byMessageId(term);
            case QUEUE_ID ->
                deliveries
                    .byToken(term)
                    .map(r -> new TermResult(term, kind, List.of(r), Optional.empty()))
                    .orElseGet(() ->
                        new TermResult(
                            term,
                            kind,
                            List.of(),
                            Optional.of(
                                "not an address, a Message-ID or a delivery token: queue ids"
                                    + " are Postfix's, trace them in its log")));
          });
    }
    return new Report(SOURCE, results);
  }

  private TermResult byMessageId(String term) {
    String id = term.substring(1, term.length() - 1);
    int at = id.indexOf('@');
    String token = at < 0 ? id : id.substring(0, at);
    Optional<DeliveryRecord> record = deliveries.byToken(token);
    return record
        .map(r -> new TermResult(term, TraceTerms.Kind.MESSAGE_ID, List.of(r), Optional.empty()))
        .orElseGet(() ->
            new TermResult(
                term,
                TraceTerms.Kind.MESSAGE_ID,
                List.of(),
                Optional.of("no message Hikyaku sent has this Message-ID")));
  }
}
