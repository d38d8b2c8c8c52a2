package dev.hikyaku.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One submission of a subject for approval, frozen as its content hash.
 *
 * @param authors the people who wrote or submitted this content; none of them may approve it
 * @param required approvals needed, set from the policy and the recipient count at submission
 * @param expiresAt once approved: the moment after which the approval no longer lets a send start
 * @param closingNote the rejection comment, or why the request was voided or withdrawn
 */
public record ApprovalRequest(
    long id,
    SubjectRef subject,
    String title,
    String contentHash,
    long recipients,
    int required,
    Set<String> authors,
    State state,
    String submittedBy,
    String submittedIp,
    Instant submittedAt,
    Optional<Instant> decidedAt,
    Optional<Instant> expiresAt,
    String closingNote,
    List<Decision> decisions) {

  /** Where a request stands. Only PENDING can change; only APPROVED lets a send start. */
  public enum State {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    VOIDED,
    EXPIRED;

    public boolean open() {
      return this == PENDING || this == APPROVED;
    }
  }

  public ApprovalRequest {
    authors = Set.copyOf(authors);
    decisions = List.copyOf(decisions);
  }

  /** The distinct approvers counted so far (a proxy counts as the approver they stand in for). */
  public long approvals() {
    return decisions.stream()
        .filter(d -> d.kind() == Decision.Kind.APPROVE)
        .map(Decision::onBehalfOf)
        .distinct()
        .count();
  }

  /** Whether the approval is usable at {@code now}: approved, and not past its expiry. */
  public boolean approvedAt(Instant now) {
    return state == State.APPROVED && expiresAt.map(now::isBefore).orElse(false);
  }
}
