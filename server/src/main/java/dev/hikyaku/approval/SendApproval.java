package dev.hikyaku.approval;

import dev.hikyaku.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval check at the moment of sending: is there an approval of exactly this content, by
 * enough people for the audience as it is now, still valid? The owner of a subject calls it from
 * its own start gate, so the console, the API and a scheduled start are checked alike.
 */
@Component
public class SendApproval {

  private final ApprovalRepository repository;
  private final ApprovalService approvals;
  private final ApprovalProperties properties;
  private final Clock clock;

  SendApproval(
      ApprovalRepository repository,
      ApprovalService approvals,
      ApprovalProperties properties,
      Clock clock) {
    this.repository = repository;
    this.approvals = approvals;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Why {@code now} may not be sent at this moment as far as approval goes, or empty when an
   * approval of exactly this content, by enough people, is valid now.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public Optional<Refusal> refusal(SubjectRef ref, ApprovalSubject.Snapshot now) {
    Optional<ApprovalRequest> latest = repository.latest(ref);
    if (latest.isEmpty()
        || latest.get().state() == ApprovalRequest.State.VOIDED
        || latest.get().state() == ApprovalRequest.State.WITHDRAWN) {
      return Optional.of(
          new Refusal("approval-required", "request approval first: nothing is sent unapproved"));
    }
    ApprovalRequest r = latest.get();
    Instant at = clock.instant();
    if (r.state().open() && !r.contentHash().equals(now.hash())) {
      approvals.close(r, ApprovalRequest.State.VOIDED, "the content changed after submission");
      return Optional.of(
          new Refusal(
              "approval-void-changed",
              "the content changed after approval was requested; request approval again"));
    }
    return switch (r.state()) {
      case PENDING ->
          Optional.of(
              new Refusal(
                  "approval-pending",
                  "waiting for approval (" + r.approvals() + " of " + r.required() + ")",
                  r.approvals(),
                  r.required()));
      case REJECTED ->
          Optional.of(
              new Refusal(
                  "approval-rejected",
                  "the approver rejected it: " + r.closingNote(),
                  r.closingNote()));
      case EXPIRED -> Optional.of(expired());
      case VOIDED, WITHDRAWN -> throw new IllegalStateException("handled above");
      case APPROVED -> {
        if (!r.approvedAt(at)) {
          approvals.close(r, ApprovalRequest.State.EXPIRED, "expired unused");
          yield Optional.of(expired());
        }
        int needed = properties.requiredFor(now.recipients());
        if (r.approvals() < needed) {
          yield Optional.of(
              new Refusal(
                  "approval-more-needed",
                  "the audience now needs " + needed + " approvals; request approval again",
                  needed));
        }
        // The audience itself is not frozen (unsubscribes shrink it); growth beyond what the
        // approvers saw is not what they approved.
        if (now.recipients() > r.recipients() + Math.max(10, r.recipients() / 10)) {
          yield Optional.of(
              new Refusal(
                  "approval-audience-grew",
                  "the audience grew from "
                      + r.recipients()
                      + " to "
                      + now.recipients()
                      + " since approval; request approval again",
                  r.recipients(),
                  now.recipients()));
        }
        yield Optional.empty();
      }
    };
  }

  private static Refusal expired() {
    return new Refusal(
        "approval-expired", "the approval expired before the send started; request approval again");
  }
}
