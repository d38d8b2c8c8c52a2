package dev.hikyaku.audience.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What importing a file would do, before anything is imported: how the file is read, how many rows
 * are accepted, accepted with warnings or rejected, and every rejected row with its line and reason
 * up to a limit (the rest counted). Reasons are codes with arguments, so the console can show the
 * report in Japanese or English.
 *
 * @param source the encoding, dialect and column mapping
 * @param windows31jFromLine the line from which an ASCII-looking file turned out to be windows-31j,
 *     or 0
 * @param accepted rows accepted without remark
 * @param acceptedWithWarnings rows accepted with warnings
 * @param rejected rows rejected
 * @param rejectionsByReason rejected rows per reason
 * @param warningsByCode warnings per code (a row may have several)
 * @param rejections the first rejected rows, in file order
 * @param warnedRows the first rows with warnings, in file order
 */
public record DryRunReport(
    ImportSource source,
    long windows31jFromLine,
    long accepted,
    long acceptedWithWarnings,
    long rejected,
    Map<RejectionReason, Long> rejectionsByReason,
    Map<WarningCode, Long> warningsByCode,
    List<RowResult.Rejected> rejections,
    List<WarnedRow> warnedRows) {

  public DryRunReport {
    Objects.requireNonNull(source, "source");
    if (accepted < 0 || acceptedWithWarnings < 0 || rejected < 0 || windows31jFromLine < 0) {
      throw new IllegalArgumentException("counts and lines are not negative");
    }
    rejectionsByReason =
        Collections.unmodifiableMap(new EnumMap<>(copy(rejectionsByReason, RejectionReason.class)));
    warningsByCode =
        Collections.unmodifiableMap(new EnumMap<>(copy(warningsByCode, WarningCode.class)));
    rejections = List.copyOf(rejections);
    warnedRows = List.copyOf(warnedRows);
    if (rejections.size() > rejected || warnedRows.size() > acceptedWithWarnings) {
      throw new IllegalArgumentException("more rows listed than counted");
    }
  }

  private static <E extends Enum<E>> EnumMap<E, Long> copy(Map<E, Long> map, Class<E> type) {
    EnumMap<E, Long> copy = new EnumMap<>(type);
    copy.putAll(map);
    return copy;
  }

  /**
   * A row accepted with warnings, without its data (the report stays small).
   *
   * @param line the physical line where the row starts
   * @param address the address imported
   * @param warnings what the user should see
   */
  public record WarnedRow(long line, String address, List<RowWarning> warnings) {

    public WarnedRow {
      Objects.requireNonNull(address, "address");
      warnings = List.copyOf(warnings);
    }
  }

  /** All rows after the header that are not blank. */
  public long rows() {
    return accepted + acceptedWithWarnings + rejected;
  }

  /** Rows that would be imported. */
  public long importable() {
    return accepted + acceptedWithWarnings;
  }

  /** Rejected rows counted but not listed. */
  public long unlistedRejections() {
    return rejected - rejections.size();
  }

  /** Rows with warnings counted but not listed. */
  public long unlistedWarnedRows() {
    return acceptedWithWarnings - warnedRows.size();
  }

  /**
   * Whether some rows held bytes that are not valid in the file's charset: the console should offer
   * to choose the encoding by hand.
   */
  public boolean encodingSuspect() {
    return rejectionsByReason.containsKey(RejectionReason.UNDECODABLE_BYTES);
  }

  /** A report builder that lists at most {@code maxListed} rejected rows and warned rows each. */
  public static Builder builder(ImportSource source, int maxListed) {
    return new Builder(source, maxListed);
  }

  /** Counts row results as they stream past, keeping a bounded list of each kind. */
  public static final class Builder {

    private final ImportSource source;
    private final int maxListed;
    private final Map<RejectionReason, Long> byReason = new EnumMap<>(RejectionReason.class);
    private final Map<WarningCode, Long> byCode = new EnumMap<>(WarningCode.class);
    private final List<RowResult.Rejected> rejections = new ArrayList<>();
    private final List<WarnedRow> warned = new ArrayList<>();
    private long accepted;
    private long acceptedWithWarnings;
    private long rejected;

    private Builder(ImportSource source, int maxListed) {
      if (maxListed < 0) {
        throw new IllegalArgumentException("maxListed must not be negative");
      }
      this.source = Objects.requireNonNull(source, "source");
      this.maxListed = maxListed;
    }

    /** Counts one row. */
    public Builder add(RowResult result) {
      switch (result) {
        case RowResult.Accepted a -> accepted++;
        case RowResult.AcceptedWithWarnings w -> {
          acceptedWithWarnings++;
          w.row().warnings().forEach(warning -> byCode.merge(warning.code(), 1L, Long::sum));
          if (warned.size() < maxListed) {
            warned.add(new WarnedRow(w.line(), w.row().address().value(), w.row().warnings()));
          }
        }
        case RowResult.Rejected r -> {
          rejected++;
          byReason.merge(r.rejection().reason(), 1L, Long::sum);
          if (rejections.size() < maxListed) {
            rejections.add(r);
          }
        }
      }
      return this;
    }

    /** The report; {@code windows31jFromLine} as the reader tells it after the last row. */
    public DryRunReport build(long windows31jFromLine) {
      return new DryRunReport(
          source,
          windows31jFromLine,
          accepted,
          acceptedWithWarnings,
          rejected,
          byReason,
          byCode,
          rejections,
          warned);
    }
  }
}
