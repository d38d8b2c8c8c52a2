package dev.hikyaku.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the operation log from the first row and reports the first broken link: a row whose
 * contents no longer match its hash (edited), a gap in the sequence (deleted), a row whose stored
 * "previous hash" is not its predecessor's hash (reordered or predecessor replaced), or a head that
 * disagrees with the last row (rows deleted from the end).
 */
@Service
public class AuditVerifier {

  private final AuditRepository repository;

  AuditVerifier(AuditRepository repository) {
    this.repository = repository;
  }

  @Transactional(readOnly = true)
  public ChainVerification verify() {
    // The head first, then the chain up to it: entries appended while the walk runs (the log is
    // live) belong to a later verification, not to this one.
    var head = repository.head();
    var walk = new Walk();
    repository.forEach(
        new AuditQuery(null, null, null, null, null, head.seq() + 1, null), walk::step);
    if (walk.broken != null) {
      return walk.broken;
    }
    if (head.seq() != walk.expectedSeq - 1) {
      return new ChainVerification.Broken(
          walk.expectedSeq,
          "the log ends at entry "
              + (walk.expectedSeq - 1)
              + " but the chain head records "
              + head.seq()
              + " entries: entries at the end were deleted");
    }
    if (!head.hash().equals(walk.prevHash)) {
      return new ChainVerification.Broken(
          head.seq(), "the chain head's hash does not match the last entry");
    }
    return new ChainVerification.Intact(walk.expectedSeq - 1, walk.prevHash);
  }

  private static final class Walk {
    long expectedSeq = 1;
    String prevHash = AuditChain.GENESIS;
    ChainVerification.Broken broken;

    void step(AuditEntry e) {
      if (broken != null) {
        return;
      }
      if (e.seq() != expectedSeq) {
        broken =
            new ChainVerification.Broken(
                expectedSeq,
                e.seq() > expectedSeq
                    ? "entry " + expectedSeq + " is missing (deleted); next found is " + e.seq()
                    : "entry " + e.seq() + " is out of order");
      } else if (!e.prevHash().equals(prevHash)) {
        broken =
            new ChainVerification.Broken(
                e.seq(),
                "entry "
                    + e.seq()
                    + " does not link to entry "
                    + (e.seq() - 1)
                    + ": entries were reordered or the previous one replaced");
      } else if (!AuditChain.hashOf(e).equals(e.hash())) {
        broken =
            new ChainVerification.Broken(
                e.seq(), "entry " + e.seq() + " was changed after it was written");
      } else {
        prevHash = e.hash();
        expectedSeq++;
      }
    }
  }
}
