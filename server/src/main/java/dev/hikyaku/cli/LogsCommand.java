package dev.hikyaku.cli;

import dev.hikyaku.diagnose.logs.AnalyzerLimits;
import dev.hikyaku.diagnose.logs.LogAnalyzer;
import dev.hikyaku.diagnose.logs.LogFiles;
import dev.hikyaku.diagnose.logs.LogSummary;
import dev.hikyaku.diagnose.logs.MessageTrace;
import dev.hikyaku.diagnose.logs.PostfixLogParser;
import dev.hikyaku.diagnose.logs.TraceQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hikyaku logs FILE...}: a pflogsumm-like summary of Postfix logs, or with {@code --trace}
 * the path of the matching messages. Streams the files (plain or .gz) in bounded memory and shows
 * progress on a terminal. Needs no database ({@link StandaloneCommands}).
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Analyze Postfix logs: summary, or --trace a queue id, address or <message-id>.")
class LogsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", description = "Log files (maillog, mail.log, .gz).")
  List<Path> files;

  @Option(
      names = "--trace",
      description =
          "Show the messages of a queue id, an address (a@b) or a Message-ID (<id>); repeatable.")
  List<String> trace = new ArrayList<>();

  @Option(
      names = "--date",
      description = "The date the log ends, for the year of syslog times (default: today).")
  LocalDate date;

  @Option(names = "--json", description = "Print JSON for machines.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        err.println("hikyaku: cannot read " + file);
        return 1;
      }
    }
    PostfixLogParser parser =
        new PostfixLogParser(date == null ? LocalDate.now() : date, ZoneId.systemDefault());
    List<MessageTrace> traces = new ArrayList<>();
    LogAnalyzer analyzer =
        trace.isEmpty()
            ? new LogAnalyzer(parser)
            : new LogAnalyzer(parser, AnalyzerLimits.DEFAULTS, query(trace), traces::add);
    Progress progress = new Progress(files, System.console() != null && !json, err);
    for (Path file : files) {
      try (BufferedReader reader = LogFiles.open(file)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          analyzer.accept(line);
          progress.advance(file, line.length() + 1);
        }
      }
    }
    progress.done();
    LogSummary summary = analyzer.finish();
    if (!trace.isEmpty()) {
      if (json) {
        CliOutput.json(out, traces);
      } else {
        LogReport.traces(traces, out);
      }
    } else if (json) {
      CliOutput.json(out, summary);
    } else {
      LogReport.summary(summary, files, out);
    }
    out.flush();
    return 0;
  }

  /** {@code <id>} is a Message-ID, {@code a@b} an address, anything else a queue id. */
  static TraceQuery query(List<String> values) {
    Set<String> queueIds = new HashSet<>();
    Set<String> addresses = new HashSet<>();
    Set<String> messageIds = new HashSet<>();
    for (String value : values) {
      if (value.startsWith("<") && value.endsWith(">")) {
        messageIds.add(value.substring(1, value.length() - 1));
      } else if (value.contains("@")) {
        addresses.add(value);
      } else {
        queueIds.add(value);
      }
    }
    return new TraceQuery(queueIds, addresses, messageIds);
  }

  /** A progress line on standard error, only on a terminal and only for large inputs. */
  private static final class Progress {
    private final boolean shown;
    private final long total;
    private final PrintWriter err;
    private long done;
    private int lastPercent = -1;

    Progress(List<Path> files, boolean terminal, PrintWriter err) throws IOException {
      long size = 0;
      for (Path file : files) {
        size += Files.size(file);
      }
      this.total = Math.max(size, 1);
      this.shown = terminal && size > 64L * 1024 * 1024;
      this.err = err;
    }

    void advance(Path file, long bytes) {
      done += bytes;
      if (!shown) {
        return;
      }
      int percent = (int) Math.min(100, done * 100 / total);
      if (percent != lastPercent) {
        lastPercent = percent;
        err.printf("\r%3d%% %s", percent, file.getFileName());
        err.flush();
      }
    }

    void done() {
      if (shown) {
        err.println();
      }
    }
  }
}
