package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.logs.AnalyzerLimits;
import dev.hikyaku.diagnose.logs.LogAnalyzer;
import dev.hikyaku.diagnose.logs.LogFiles;
import dev.hikyaku.diagnose.logs.LogSummary;
import dev.hikyaku.diagnose.logs.MessageTrace;
import dev.hikyaku.diagnose.logs.PostfixLogParser;
import dev.hikyaku.shared.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.stereotype.Service;

/**
 * The log analyzer behind the console and the API: Postfix logs (plain or gzip) read line by line
 * as they arrive, in memory bounded by the analyzer's limits whatever their size; a summary, and
 * the messages matching the trace terms. Nothing is stored.
 */
@Service
public class LogDiagnosis {

  private static final int BUFFER = 1 << 16;

  private final Clock clock;
  private final DiagnosisProperties properties;

  LogDiagnosis(Clock clock, DiagnosisProperties properties) {
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * One log to read: its name and its bytes, opened only when read, so that several uploads are
   * read one after the other.
   */
  public record LogUpload(String name, Opener opener) {
    public LogUpload {
      Objects.requireNonNull(opener, "opener");
      name = name == null || name.isBlank() ? "log" : name;
    }
  }

  /** Opens an upload's bytes. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * Reads {@code logs} in order as one log and summarizes it; with trace terms, also collects the
   * matching messages.
   *
   * @param logEnds the date the log ends, which gives syslog's year-less time stamps their year;
   *     empty for today
   * @throws InvalidInputException when there is no log, or no line in them
   */
  public LogDiagnosisReport analyze(
      List<LogUpload> logs, TraceTerms trace, Optional<LocalDate> logEnds) {
    if (logs.isEmpty()) {
      throw new InvalidInputException("file", "diagnosis.log-empty", "upload a Postfix log");
    }
    PostfixLogParser parser =
        new PostfixLogParser(
            logEnds.orElseGet(() -> LocalDate.now(clock.withZone(ZoneId.systemDefault()))),
            ZoneId.systemDefault());
    TraceCollector traces = new TraceCollector(properties.maxTraces());
    LogAnalyzer analyzer =
        trace.isEmpty()
            ? new LogAnalyzer(parser)
            : new LogAnalyzer(parser, AnalyzerLimits.DEFAULTS, trace.query(), traces);
    List<LogDiagnosisReport.LogFile> files = new ArrayList<>();
    for (LogUpload log : logs) {
      files.add(read(log, analyzer));
    }
    LogSummary summary = analyzer.finish();
    if (summary.input().lines() == 0) {
      throw new InvalidInputException("file", "diagnosis.log-empty", "the logs have no lines");
    }
    return new LogDiagnosisReport(
        "postfix-log", files, summary, trace.values(), traces.kept, traces.omitted);
  }

  /**
   * Reads one upload into the analyzer. A damaged or cut gzip file is read up to the damage and
   * said so: what came before it still counts.
   */
  private static LogDiagnosisReport.LogFile read(LogUpload log, LogAnalyzer analyzer) {
    try (CountingInputStream counted = new CountingInputStream(log.opener().open())) {
      InputStream in = new BufferedInputStream(counted, BUFFER);
      in.mark(2);
      int first = in.read();
      int second = in.read();
      in.reset();
      // The gzip magic number (RFC 1952 §2.3.1), whatever the file is called.
      boolean gzip = first == 0x1f && second == 0x8b;
      Optional<String> problem = Optional.empty();
      try (Reader reader = LogFiles.reader(gzip ? new GZIPInputStream(in, BUFFER) : in)) {
        BoundedLines.feed(reader, analyzer);
      } catch (ZipException | EOFException e) {
        problem = Optional.of("damaged gzip data, read up to the damage: " + e.getMessage());
      }
      return new LogDiagnosisReport.LogFile(log.name(), counted.count(), gzip, problem);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + log.name(), e);
    }
  }

  /** Keeps the first matching traces and counts the rest, so memory stays bounded. */
  private static final class TraceCollector implements Consumer<MessageTrace> {
    private final int max;
    private final List<MessageTrace> kept = new ArrayList<>();
    private long omitted;

    TraceCollector(int max) {
      this.max = max;
    }

    @Override
    public void accept(MessageTrace trace) {
      if (kept.size() < max) {
        kept.add(trace);
      } else {
        omitted++;
      }
    }
  }
}
