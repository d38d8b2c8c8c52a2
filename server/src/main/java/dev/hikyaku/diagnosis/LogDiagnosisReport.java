package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.logs.LogSummary;
import dev.hikyaku.diagnose.logs.MessageTrace;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the log analyzer made of uploaded Postfix logs: a pflogsumm-like summary, and the messages
 * that match the trace terms, if any were given.
 *
 * @param source always {@code postfix-log}: the lines were read from the uploaded files
 * @param files the files read, in order
 * @param summary totals, traffic per hour and domain, deferrals, bounces and rejects by reason
 * @param trace the terms traced; empty for a summary only
 * @param traces the matching messages, in the order their traces closed, at most {@code
 *     hikyaku.diagnosis.max-traces}
 * @param tracesOmitted matching messages beyond that limit, counted only
 */
public record LogDiagnosisReport(
    String source,
    List<LogFile> files,
    LogSummary summary,
    List<String> trace,
    List<MessageTrace> traces,
    long tracesOmitted) {

  public LogDiagnosisReport {
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
    Objects.requireNonNull(summary, "summary");
    trace = List.copyOf(trace);
    traces = List.copyOf(traces);
  }

  /**
   * One file read.
   *
   * @param name its name as uploaded
   * @param bytes its size as uploaded
   * @param gzip whether it was gzip-compressed (and read decompressed)
   * @param problem why it could not be read to its end, if it could not
   */
  public record LogFile(String name, long bytes, boolean gzip, Optional<String> problem) {}

  /**
   * Traffic in one hour or day, with the received count as a share of the busiest, for the chart.
   *
   * @param label the hour ({@code 2026-11-23 10:00}) or the day
   * @param traffic the counts
   * @param barPercent 0 to 100
   */
  public record TrafficRow(String label, LogSummary.Hour traffic, int barPercent) {}

  /**
   * The traffic table: per hour for up to two days, per day beyond, so a month of logs stays
   * readable.
   */
  public List<TrafficRow> trafficRows() {
    SortedMap<LocalDateTime, LogSummary.Hour> hourly = summary.hourly();
    boolean perDay = hourly.size() > 48;
    SortedMap<String, LogSummary.Hour> rows = new TreeMap<>();
    hourly.forEach((hour, h) -> {
      String label = perDay ? hour.toLocalDate().toString() : hour.toString().replace('T', ' ');
      rows.merge(label, h, LogDiagnosisReport::add);
    });
    long busiest =
        rows.values().stream().mapToLong(h -> h.received() + h.delivered()).max().orElse(0);
    List<TrafficRow> out = new ArrayList<>();
    for (Map.Entry<String, LogSummary.Hour> e : rows.entrySet()) {
      long volume = e.getValue().received() + e.getValue().delivered();
      int percent = busiest == 0 ? 0 : (int) Math.round(100.0 * volume / busiest);
      out.add(new TrafficRow(e.getKey(), e.getValue(), volume > 0 ? Math.max(1, percent) : 0));
    }
    return out;
  }

  /** Whether {@link #trafficRows()} are days. */
  public boolean trafficPerDay() {
    return summary.hourly().size() > 48;
  }

  private static LogSummary.Hour add(LogSummary.Hour a, LogSummary.Hour b) {
    return new LogSummary.Hour(
        a.received() + b.received(),
        a.delivered() + b.delivered(),
        a.deferred() + b.deferred(),
        a.bounced() + b.bounced(),
        a.rejected() + b.rejected(),
        a.bytesReceived() + b.bytesReceived(),
        a.bytesDelivered() + b.bytesDelivered());
  }
}
