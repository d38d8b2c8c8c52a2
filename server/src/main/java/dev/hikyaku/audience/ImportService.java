package dev.hikyaku.audience;

import dev.hikyaku.audience.importing.ColumnMapping;
import dev.hikyaku.audience.importing.ContactCsvReader;
import dev.hikyaku.audience.importing.DryRunReport;
import dev.hikyaku.audience.importing.ImportOptions;
import dev.hikyaku.audience.importing.ImportRow;
import dev.hikyaku.audience.importing.RowResult;
import dev.hikyaku.audience.importing.RowWarning;
import dev.hikyaku.audience.importing.SuppressionCheck;
import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.shared.InvalidInputException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV import in two steps. The dry run reads the whole file once, streaming: valid rows are staged
 * and every rejected or warned row is kept with its line number, nothing touches the audience.
 * Confirming merges the staged rows into the audience in one transaction; discarding drops them.
 */
@Service
public class ImportService {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int BATCH = 1000;
  private static final int SHOWN_ISSUES = 500;
  private static final long PRELOAD_SUPPRESSIONS = 500_000;

  /** What the dry run found, stored with the import. */
  record Summary(
      long rows,
      long importable,
      long warned,
      long rejected,
      long existing,
      String encoding,
      String delimiter,
      List<String> columns,
      boolean encodingSuspect) {}

  private final ImportRepository imports;
  private final AudienceService audiences;
  private final SuppressionService suppressions;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final CurrentActor actor;

  ImportService(
      ImportRepository imports,
      AudienceService audiences,
      SuppressionService suppressions,
      TransactionTemplate tx,
      Clock clock,
      @Lazy CurrentActor actor) {
    this.imports = imports;
    this.audiences = audiences;
    this.suppressions = suppressions;
    this.tx = tx;
    this.clock = clock;
    this.actor = actor;
  }

  /** Checks a file against the audience; nothing is imported. Closes {@code in}. */
  public ImportReport dryRun(long audienceId, String fileName, InputStream in) {
    audiences.get(audienceId);
    String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
    SuppressionCheck suppressed = suppressionCheck();
    long id =
        tx.execute(
            s -> imports.insert(audienceId, cut(name), actor.actor().label(), clock.instant()));
    try (ContactCsvReader reader = ContactCsvReader.open(in, ImportOptions.DEFAULTS, suppressed)) {
      DryRunReport.Builder report = DryRunReport.builder(reader.source(), SHOWN_ISSUES);
      List<ImportRow> rows = new ArrayList<>(BATCH);
      List<ImportRepository.IssueRow> issues = new ArrayList<>();
      while (reader.hasNext()) {
        RowResult result = reader.next();
        report.add(result);
        switch (result) {
          case RowResult.Accepted a -> rows.add(a.row());
          case RowResult.AcceptedWithWarnings w -> {
            rows.add(w.row());
            int seq = 0;
            for (RowWarning warning : w.row().warnings()) {
              issues.add(
                  new ImportRepository.IssueRow(
                      w.row().line(),
                      seq++,
                      false,
                      warning.code().key(),
                      warning.args(),
                      warning.english(),
                      w.row().address().value()));
            }
          }
          case RowResult.Rejected r ->
              issues.add(
                  new ImportRepository.IssueRow(
                      r.line(),
                      0,
                      true,
                      r.rejection().reason().key(),
                      r.rejection().args(),
                      r.rejection().english(),
                      r.excerpt()));
        }
        if (rows.size() >= BATCH || issues.size() >= BATCH) {
          flush(id, rows, issues);
        }
      }
      flush(id, rows, issues);
      DryRunReport done = report.build(reader.windows31jFromLine());
      long existing = imports.existing(id, audienceId);
      Summary summary =
          new Summary(
              done.rows(),
              done.importable(),
              done.acceptedWithWarnings(),
              done.rejected(),
              existing,
              done.source().encoding().charset().name(),
              done.source().dialect().delimiter().name().toLowerCase(java.util.Locale.ROOT),
              columns(done.source().mapping()),
              done.encodingSuspect());
      tx.executeWithoutResult(s -> imports.checked(id, JSON.writeValueAsString(summary)));
      actor.record(
          "import.check",
          "audience:" + audienceId,
          name,
          done.importable() + " importable, " + done.rejected() + " rejected");
      return report(id);
    } catch (InvalidInputException e) {
      tx.executeWithoutResult(s -> imports.finish(id, "DISCARDED", clock.instant()));
      throw e;
    }
  }

  /** Imports the staged rows of a dry run into its audience. */
  public ImportReport confirm(long importId) {
    long[] counts =
        tx.execute(s -> {
          long audienceId = lockDryRun(importId);
          long[] merged = imports.merge(importId, audienceId, clock.instant());
          imports.finish(importId, "IMPORTED", clock.instant());
          actor.record(
              "import.confirm",
              "audience:" + audienceId,
              "import " + importId,
              merged[0] + " added, " + merged[1] + " updated");
          return merged;
        });
    ImportReport report = report(importId);
    return new ImportReport(
        report.id(),
        report.audienceId(),
        report.fileName(),
        report.status(),
        report.rows(),
        counts[0],
        report.warned(),
        report.rejected(),
        counts[1],
        report.encoding(),
        report.delimiter(),
        report.columns(),
        report.encodingSuspect(),
        report.issueCount(),
        report.issues(),
        report.createdBy(),
        report.createdAt());
  }

  /** Drops a dry run's staged rows; the report stays. */
  public ImportReport discard(long importId) {
    tx.executeWithoutResult(s -> {
      long audienceId = lockDryRun(importId);
      imports.finish(importId, "DISCARDED", clock.instant());
      actor.record("import.discard", "audience:" + audienceId, "import " + importId, "");
    });
    return report(importId);
  }

  public ImportReport report(long importId) {
    ImportRepository.Stored stored =
        imports
            .find(importId)
            .orElseThrow(
                () -> new InvalidInputException("id", "no-such-import", "no import " + importId));
    Summary s =
        stored.summary() == null || stored.summary().equals("{}")
            ? new Summary(0, 0, 0, 0, 0, "", "", List.of(), false)
            : JSON.readValue(stored.summary(), Summary.class);
    return new ImportReport(
        stored.id(),
        stored.audienceId(),
        stored.fileName(),
        stored.status(),
        s.rows(),
        s.importable(),
        s.warned(),
        s.rejected(),
        s.existing(),
        s.encoding(),
        s.delimiter(),
        s.columns(),
        s.encodingSuspect(),
        imports.issueCount(importId),
        imports.issuePage(importId, 0, SHOWN_ISSUES),
        stored.createdBy(),
        stored.createdAt());
  }

  /** Issues after {@code afterLine}, for paging through all of them. */
  public List<ImportReport.Issue> issues(long importId, long afterLine, int limit) {
    report(importId);
    return imports.issuePage(importId, afterLine, Math.max(1, Math.min(limit, 5000)));
  }

  private long lockDryRun(long importId) {
    return imports
        .lockDryRun(importId)
        .orElseThrow(() -> {
          report(importId); // unknown id: 404
          return new InvalidInputException(
              "id", "import-finished", "import " + importId + " is finished");
        });
  }

  private void flush(long id, List<ImportRow> rows, List<ImportRepository.IssueRow> issues) {
    tx.executeWithoutResult(s -> {
      imports.stage(id, rows);
      imports.issues(id, issues);
    });
    rows.clear();
    issues.clear();
  }

  /** A set of suppressed keys in memory when the list is small enough, else one query each. */
  private SuppressionCheck suppressionCheck() {
    if (suppressions.count() > PRELOAD_SUPPRESSIONS) {
      return address -> suppressions.isSuppressed(address.value());
    }
    Set<String> keys = new HashSet<>();
    long after = 0;
    for (var page = suppressions.page(after, 500, "");
        !page.isEmpty();
        page = suppressions.page(after, 500, "")) {
      page.forEach(s -> keys.add(AudienceRepository.key(s.email())));
      after = page.get(page.size() - 1).id();
    }
    return address -> keys.contains(address.duplicateKey());
  }

  private static List<String> columns(ColumnMapping mapping) {
    return mapping.columns().stream()
        .map(c ->
            c.number()
                + ": "
                + c.header()
                + " → "
                + c.role().name().toLowerCase(java.util.Locale.ROOT)
                + (c.fieldKey() == null || c.fieldKey().isEmpty() ? "" : " (" + c.fieldKey() + ")"))
        .toList();
  }

  private static String cut(String s) {
    return s.length() > 255 ? s.substring(0, 255) : s;
  }
}
