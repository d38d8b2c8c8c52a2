package dev.hikyaku.cli;

import dev.hikyaku.audit.AuditExport;
import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditVerifier;
import dev.hikyaku.audit.ChainVerification;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hikyaku audit verify|export}. */
@Command(
    name = "audit",
    description = "Verify or export the operation log.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
class AuditCommand {

  /** Exit 0 when the chain is intact, 1 with the first broken link otherwise. */
  @Command(name = "verify", description = "Check the hash chain; report the first broken link.")
  static class Verify implements Callable<Integer> {

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    private final AuditVerifier verifier;

    Verify(AuditVerifier verifier) {
      this.verifier = verifier;
    }

    @Override
    public Integer call() {
      return switch (verifier.verify()) {
        case ChainVerification.Intact i -> {
          System.out.println(
              json
                  ? "{\"intact\":true,\"entries\":"
                      + i.entries()
                      + ",\"headHash\":\""
                      + i.headHash()
                      + "\"}"
                  : "OK: " + i.entries() + " entries, chain intact; head " + i.headHash());
          yield 0;
        }
        case ChainVerification.Broken b -> {
          System.out.println(
              json
                  ? "{\"intact\":false,\"brokenAt\":"
                      + b.seq()
                      + ",\"reason\":\""
                      + b.reason().replace("\"", "'")
                      + "\"}"
                  : "BROKEN at entry " + b.seq() + ": " + b.reason());
          yield 1;
        }
      };
    }
  }

  /** Streams the log (or a filtered part) as CSV or JSON. */
  @Command(name = "export", description = "Export the operation log as CSV or JSON.")
  static class Export implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default csv)")
    String format;

    @Option(
        names = {"-o", "--output"},
        description = "File to write (default: standard output).")
    Path output;

    @Option(names = "--from", description = "First day (YYYY-MM-DD, UTC).")
    LocalDate from;

    @Option(names = "--to", description = "Last day (YYYY-MM-DD, UTC).")
    LocalDate to;

    @Option(names = "--actor", description = "Actor contains this text.")
    String actor;

    @Option(names = "--action", description = "Action starts with this text.")
    String action;

    private final AuditExport export;

    Export(AuditExport export) {
      this.export = export;
    }

    @Override
    public Integer call() throws IOException {
      var query = new AuditQuery(from, to, actor, action, null, null, null);
      try (Writer out =
          output == null
              ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
              : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        if (format.equals("json")) {
          export.json(query, out);
        } else if (format.equals("csv")) {
          export.csv(query, out);
        } else {
          System.err.println("unknown format: " + format + " (csv or json)");
          return 2;
        }
      }
      return 0;
    }
  }
}
