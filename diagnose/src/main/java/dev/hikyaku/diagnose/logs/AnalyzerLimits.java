package dev.hikyaku.diagnose.logs;

/**
 * How much the analyzer keeps in memory, whatever the size of the log.
 *
 * @param maxOpenTraces messages followed at once; past this, the least recently seen is evicted
 *     (default 50 000, a few tens of megabytes)
 * @param maxRecipientsPerTrace recipients kept per message; the rest are only counted (default 1
 *     000)
 * @param maxNotesPerTrace notes kept per message (default 20)
 * @param maxDistinctKeys distinct keys per summary table (domains, senders, reasons, hours); the
 *     rest are added up as overflow (default 10 000)
 */
public record AnalyzerLimits(
    int maxOpenTraces, int maxRecipientsPerTrace, int maxNotesPerTrace, int maxDistinctKeys) {

  /** The defaults described above. */
  public static final AnalyzerLimits DEFAULTS = new AnalyzerLimits(50_000, 1_000, 20, 10_000);

  public AnalyzerLimits {
    if (maxOpenTraces < 1
        || maxRecipientsPerTrace < 1
        || maxNotesPerTrace < 0
        || maxDistinctKeys < 1) {
      throw new IllegalArgumentException("limits must be positive (the notes limit may be zero)");
    }
  }

  /** These limits with another number of open traces. */
  public AnalyzerLimits withMaxOpenTraces(int max) {
    return new AnalyzerLimits(max, maxRecipientsPerTrace, maxNotesPerTrace, maxDistinctKeys);
  }
}
