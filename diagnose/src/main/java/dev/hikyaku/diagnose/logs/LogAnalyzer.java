package dev.hikyaku.diagnose.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a Postfix log one line at a time, follows each message by its queue ID from smtpd through
 * cleanup, qmgr and the delivery agents to bounce and removal, and counts a {@link LogSummary}.
 *
 * <p>Memory is bounded by {@link AnalyzerLimits}, not by the log: a trace is kept only while its
 * message is open (until {@code removed}, or until it is the least recently seen of too many), and
 * the summary keeps counters, not messages. Each trace that closes and matches the {@link
 * TraceQuery} goes to the trace consumer. Not thread-safe: one analyzer reads one log.
 */
public final class LogAnalyzer {

  private final PostfixLogParser parser;
  private final SummaryCollector summary;
  private final TraceBook traces;

  /** An analyzer that only summarizes, with the {@linkplain AnalyzerLimits#DEFAULTS defaults}. */
  public LogAnalyzer(PostfixLogParser parser) {
    this(parser, AnalyzerLimits.DEFAULTS);
  }

  /** An analyzer that only summarizes. */
  public LogAnalyzer(PostfixLogParser parser, AnalyzerLimits limits) {
    this.parser = Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(limits, "limits");
    this.summary = new SummaryCollector(limits.maxDistinctKeys());
    this.traces = new TraceBook(limits, TraceQuery.ALL, null);
  }

  /**
   * An analyzer that also hands {@code traces} every trace that {@code query} matches, when it
   * closes: when its message is removed, when it is evicted, or at {@link #finish()}.
   */
  public LogAnalyzer(
      PostfixLogParser parser,
      AnalyzerLimits limits,
      TraceQuery query,
      Consumer<MessageTrace> traces) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.summary = new SummaryCollector(Objects.requireNonNull(limits, "limits").maxDistinctKeys());
    this.traces =
        new TraceBook(
            limits,
            Objects.requireNonNull(query, "query"),
            Objects.requireNonNull(traces, "traces"));
  }

  /** Reads one line (without its terminator). */
  public void accept(String line) {
    summary.line();
    switch (parser.parse(line)) {
      case ParsedLine.Skipped skipped -> summary.skipped(skipped.reason());
      case ParsedLine.Entry entry -> accept(entry);
    }
  }

  /** Reads every line {@code reader} gives, up to its end; I/O errors are unchecked. */
  public LogAnalyzer readAll(BufferedReader reader) {
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        accept(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the log", e);
    }
    return this;
  }

  /** Reads every line of {@code lines}, in order. */
  public LogAnalyzer readAll(Stream<String> lines) {
    lines.forEachOrdered(this::accept);
    return this;
  }

  /** The summary so far; traces stay open. */
  public LogSummary summary() {
    return summary.snapshot(traces.openCount(), traces.evictedCount());
  }

  /**
   * Ends the log: hands over the traces still open (as {@link MessageTrace.End#STILL_OPEN}) and
   * returns the summary, which counts them as open.
   */
  public LogSummary finish() {
    LogSummary result = summary();
    traces.closeAll();
    return result;
  }

  private void accept(ParsedLine.Entry entry) {
    SyslogHeader header = entry.header();
    PostfixEvent event = entry.event();
    if (event instanceof MessageEvent message) {
      OpenTrace trace = traces.open(message.queue(), header.timestamp());
      summary.record(header, event, trace);
      traces.apply(header, message, trace);
      return;
    }
    // Other lines that name a queue ID (a reject after DATA, a remote server's reply, a warning)
    // belong to that message's trace too, as notes; they never start one.
    OpenTrace trace = event.queueId().map(traces::find).orElse(null);
    summary.record(header, event, trace);
    if (trace != null) {
      trace.touch(header.timestamp());
      traces.note(trace, entry.message());
    }
  }
}
