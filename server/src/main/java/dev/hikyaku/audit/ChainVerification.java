package dev.hikyaku.audit;

/** What {@link AuditVerifier} found: an intact chain, or the first broken link. */
public sealed interface ChainVerification {

  /** Every entry links to the one before and the head row agrees with the last one. */
  record Intact(long entries, String headHash) implements ChainVerification {}

  /**
   * The first place the chain does not hold.
   *
   * @param seq the sequence number where the break shows
   * @param reason what was found there, in words for the operator
   */
  record Broken(long seq, String reason) implements ChainVerification {}
}
