package dev.hikyaku.audience;

import java.time.Instant;
import java.util.List;

/**
 * A CSV import as the console and the API show it: the dry-run figures, how the file was read, and
 * the rows refused or warned about with their line numbers.
 *
 * @param status {@code DRY_RUN} (waiting for confirmation), {@code IMPORTED} or {@code DISCARDED}
 * @param existing importable addresses that are already in the audience and will be updated
 * @param issues the first rejected and warned rows (all are kept; {@code issueCount} says how many)
 */
public record ImportReport(
    long id,
    long audienceId,
    String fileName,
    String status,
    long rows,
    long importable,
    long warned,
    long rejected,
    long existing,
    String encoding,
    String delimiter,
    List<String> columns,
    boolean encodingSuspect,
    long issueCount,
    List<Issue> issues,
    String createdBy,
    Instant createdAt) {

  public ImportReport {
    columns = List.copyOf(columns);
    issues = List.copyOf(issues);
  }

  /**
   * One rejected row or warning.
   *
   * @param reason the message key, e.g. {@code import.rejected.duplicate-address}
   * @param args the values for the message's placeholders
   * @param english the message in English
   * @param raw the row as written, truncated
   */
  public record Issue(
      long line, boolean rejected, String reason, List<String> args, String english, String raw) {

    public Issue {
      args = List.copyOf(args);
    }
  }
}
