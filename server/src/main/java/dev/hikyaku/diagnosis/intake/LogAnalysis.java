package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.logs.AnalyzerLimits;
import dev.hikyaku.diagnose.logs.DeliveryStatus;
import dev.hikyaku.diagnose.logs.LogAnalyzer;
import dev.hikyaku.diagnose.logs.LogFiles;
import dev.hikyaku.diagnose.logs.LogSummary;
import dev.hikyaku.diagnose.logs.MessageTrace;
import dev.hikyaku.diagnose.logs.PostfixLogParser;
import dev.hikyaku.diagnose.logs.TraceQuery;
import dev.hikyaku.diagnosis.intake.IntakeInputException.Problem;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams the attached Postfix logs (plain or gzip) through the diagnose library's {@link
 * LogAnalyzer} and {@link LogSignals}, line by line in bounded memory, and follows the messages the
 * person named. A file in which not one line is a Postfix log line is refused, naming the file.
 */
final class LogAnalysis {

  /** At most this many traces are kept in a report; the rest are counted. */
  static final int MAX_TRACES = 20;

  private static final int SNIFF = 8 * 1024;

  private final Clock clock;
  private final ZoneId zone;

  LogAnalysis(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  LogFacts analyze(List<Upload> uploads, List<String> targets) {
    if (uploads.isEmpty()) {
      return LogFacts.NONE;
    }
    PostfixLogParser parser = new PostfixLogParser(LocalDate.now(clock.withZone(zone)), zone);
    List<MessageTrace> traces = new ArrayList<>();
    int[] omitted = {0};
    TraceQuery query = TraceTargets.query(targets);
    LogAnalyzer analyzer =
        targets.isEmpty()
            ? new LogAnalyzer(parser)
            : new LogAnalyzer(
                parser,
                AnalyzerLimits.DEFAULTS,
                query,
                trace -> {
                  if (traces.size() < MAX_TRACES) {
                    traces.add(trace);
                  } else {
                    omitted[0]++;
                  }
                });
    LogSignals signals = new LogSignals(parser);
    List<String> names = new ArrayList<>();
    for (Upload upload : uploads) {
      long eventsBefore = analyzer.summary().input().events();
      read(upload, analyzer, signals);
      if (analyzer.summary().input().events() == eventsBefore) {
        throw new IntakeInputException(
            new Problem(
                "logs",
                "intake.logs.not-postfix",
                List.of(upload.name()),
                upload.name() + " has no Postfix log lines"));
      }
      names.add(upload.name());
    }
    LogSummary summary = analyzer.finish();
    return LogReports.of(names, summary, signals, targets, traces, omitted[0]);
  }

  private static void read(Upload upload, LogAnalyzer analyzer, LogSignals signals) {
    try (InputStream raw = upload.open()) {
      InputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(2);
      int first = in.read();
      int second = in.read();
      in.reset();
      // The gzip magic number (RFC 1952 §2.3.1), whatever the file is called.
      if (first == 0x1f && second == 0x8b) {
        in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      in.mark(SNIFF);
      byte[] start = in.readNBytes(SNIFF);
      in.reset();
      for (byte b : start) {
        if (b == 0) {
          throw new IntakeInputException(
              new Problem(
                  "logs",
                  "intake.logs.binary",
                  List.of(upload.name()),
                  upload.name() + " is a binary file, not a text log"));
        }
      }
      BoundedLines lines = new BoundedLines(LogFiles.reader(in), PostfixLogParser.MAX_LINE_LENGTH);
      for (String line = lines.next(); line != null; line = lines.next()) {
        analyzer.accept(line);
        signals.accept(line);
      }
    } catch (ZipException | EOFException e) {
      // A damaged or cut-off gzip file is bad input, not a fault of ours.
      throw new IntakeInputException(
          new Problem(
              "logs",
              "intake.logs.bad-gzip",
              List.of(upload.name()),
              upload.name() + " is not a readable gzip file"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + upload.name(), e);
    }
  }

  /** The status codes of the traced recipients that bounced. */
  static List<String> bounced(List<MessageTrace> traces) {
    return traces.stream()
        .flatMap(t -> t.recipients().stream())
        .filter(r -> r.status() == DeliveryStatus.BOUNCED)
        .flatMap(r -> r.dsn().stream())
        .map(Object::toString)
        .toList();
  }
}
