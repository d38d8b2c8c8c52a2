package dev.hikyaku.approval;

import dev.hikyaku.approval.checks.Finding;
import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.identity.users.UserService;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval state machine. A request is PENDING after submission; enough approvals of its exact
 * content hash by people who did not write it make it APPROVED until it expires; one rejection
 * sends it back (REJECTED); a change of the subject VOIDS it; its submitter may WITHDRAW it. Every
 * transition is checked here, on the server, and written to the operation log.
 */
@Service
public class ApprovalService {

  private final ApprovalRepository repository;
  private final Map<String, ApprovalSubject> subjects;
  private final ApprovalProperties properties;
  private final UserService users;
  private final CurrentActor actor;
  private final Clock clock;

  ApprovalService(
      ApprovalRepository repository,
      List<ApprovalSubject> subjects,
      ApprovalProperties properties,
      @Lazy UserService users,
      @Lazy CurrentActor actor,
      Clock clock) {
    this.repository = repository;
    this.subjects =
        subjects.stream().collect(Collectors.toMap(ApprovalSubject::kind, Function.identity()));
    this.properties = properties;
    this.users = users;
    this.actor = actor;
    this.clock = clock;
  }

  public ApprovalProperties policy() {
    return properties;
  }

  /**
   * Submits the subject as it is now. Refused while the pre-send checks find something blocking,
   * while a request for it is open, or by anyone but a person.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public ApprovalRequest submit(SubjectRef ref) {
    SignedInUser person = Refusals.person(actor, "approval.submit", ref.target());
    Optional<ApprovalRequest> open = repository.latest(ref).filter(r -> r.state().open());
    ApprovalSubject.Snapshot s = subject(ref).snapshot(ref.id());
    if (open.isPresent() && open.get().contentHash().equals(s.hash())) {
      throw Refusals.denied(
          actor,
          "approval.submit",
          ref.target(),
          "approval-already-requested",
          "approval was already requested for this content");
    }
    if (s.blocked()) {
      Finding first =
          s.findings().stream()
              .filter(f -> f.severity() == Finding.Severity.BLOCKING)
              .findFirst()
              .orElseThrow();
      throw Refusals.denied(
          actor,
          "approval.submit",
          ref.target(),
          "approval-blocked",
          "the pre-send checks found something that must be fixed first: " + first.message(),
          first.message());
    }
    open.ifPresent(r -> close(r, ApprovalRequest.State.VOIDED, "resubmitted with new content"));
    Instant now = clock.instant();
    long id =
        repository.insert(
            ref, s, properties.requiredFor(s.recipients()), person.username(), actor.ip(), now);
    actor.record(
        "approval.submit",
        ref.target(),
        "",
        "request "
            + id
            + " sha256 "
            + s.hash()
            + ", "
            + s.recipients()
            + " recipients, "
            + s.findings().size()
            + " warnings");
    return get(id);
  }

  /** Approves request {@code id}, whose content the approver saw as {@code seenHash}. */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public ApprovalRequest approve(long id, String seenHash, String comment) {
    return decide(id, Decision.Kind.APPROVE, seenHash, comment);
  }

  /** Rejects request {@code id} with a comment for the author; one rejection ends the request. */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public ApprovalRequest reject(long id, String seenHash, String comment) {
    if (comment == null || comment.isBlank()) {
      throw new InvalidInputException(
          "comment", "approval-comment-required", "say why, for the author");
    }
    return decide(id, Decision.Kind.REJECT, seenHash, comment);
  }

  /** Withdraws an open request; only its submitter or an author may. */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public ApprovalRequest withdraw(long id) {
    ApprovalRequest r = lock(id);
    SignedInUser person = Refusals.person(actor, "approval.withdraw", r.subject().target());
    if (!r.state().open()
        || !(r.submittedBy().equals(person.username())
            || r.authors().contains(person.username()))) {
      throw Refusals.denied(
          actor,
          "approval.withdraw",
          r.subject().target(),
          "approval-not-withdrawable",
          "only an open request can be withdrawn, by its author");
    }
    close(r, ApprovalRequest.State.WITHDRAWN, "withdrawn by " + person.username());
    return get(id);
  }

  /**
   * Voids the subject's open request if its content is no longer {@code currentHash}: called by the
   * owning module after every change, so an edit can never ride on an earlier approval.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public void voidIfChanged(SubjectRef ref, String currentHash, String reason) {
    repository
        .latest(ref)
        .filter(r -> r.state().open() && !r.contentHash().equals(currentHash))
        .ifPresent(r -> close(r, ApprovalRequest.State.VOIDED, reason));
  }

  public ApprovalRequest get(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> new InvalidInputException("id", "no-such-request", "no request " + id));
  }

  public Optional<ApprovalRequest> latest(SubjectRef ref) {
    return repository.latest(ref);
  }

  public List<ApprovalRequest> history(SubjectRef ref) {
    return repository.history(ref);
  }

  /** Requests waiting for a decision, oldest first. */
  public List<ApprovalRequest> pending() {
    return repository.inState(ApprovalRequest.State.PENDING, 500);
  }

  /** Where approvers review request {@code r}'s subject in the console. */
  public String reviewPath(ApprovalRequest r) {
    return subject(r.subject()).reviewPath(r.subject().id());
  }

  public List<ApprovalRequest> recent() {
    return repository.recent(100);
  }

  public List<Finding> findings(long id) {
    return repository.findings(id);
  }

  /** The change since the last approved version of the same subject, if there was one. */
  public Optional<Comparison> comparison(long id) {
    ApprovalRequest r = get(id);
    return repository
        .lastApprovedBefore(r.subject(), id)
        .map(p -> new Comparison(p.id(), ContentDiff.of(p.text(), repository.snapshotText(id))));
  }

  /** The diff of a request against an earlier approved request. */
  public record Comparison(long previousRequest, List<ContentDiff.Line> lines) {
    public boolean changed() {
      return ContentDiff.changed(lines);
    }
  }

  /**
   * Whether the current person could decide request {@code r} now, and as whom: empty when they may
   * not (not an approver or proxy, an author, already decided).
   */
  public Optional<String> decidingAs(ApprovalRequest r) {
    Optional<SignedInUser> p = actor.person();
    if (p.isEmpty() || r.state() != ApprovalRequest.State.PENDING) {
      return Optional.empty();
    }
    return standingFor(p.get(), r).right();
  }

  /** Marks approvals past their expiry EXPIRED (the send check does not rely on this). */
  @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1M")
  @Transactional(noRollbackFor = InvalidInputException.class)
  public void expireDue() {
    for (ApprovalRequest r : repository.approvedExpiredAt(clock.instant())) {
      close(r, ApprovalRequest.State.EXPIRED, "expired unused");
    }
  }

  // --- internals

  private ApprovalRequest decide(long id, Decision.Kind kind, String seenHash, String comment) {
    ApprovalRequest r = lock(id);
    String action = kind == Decision.Kind.APPROVE ? "approval.approve" : "approval.reject";
    String target = r.subject().target();
    SignedInUser person = Refusals.person(actor, action, target);
    if (r.state() != ApprovalRequest.State.PENDING) {
      throw Refusals.denied(
          actor,
          action,
          target,
          "approval-not-pending",
          "request " + id + " is " + r.state().name().toLowerCase(java.util.Locale.ROOT),
          r.state().name());
    }
    Either standing = standingFor(person, r);
    if (standing.right().isEmpty()) {
      throw Refusals.denied(actor, action, target, standing.code(), standing.message());
    }
    if (seenHash == null || !seenHash.equals(r.contentHash())) {
      throw Refusals.denied(
          actor,
          action,
          target,
          "approval-hash-mismatch",
          "the page showed other content than this request's; reload and review again");
    }
    ApprovalSubject.Snapshot now = subject(r.subject()).snapshot(r.subject().id());
    if (!now.hash().equals(r.contentHash())) {
      close(r, ApprovalRequest.State.VOIDED, "the content changed after submission");
      throw Refusals.denied(
          actor,
          action,
          target,
          "approval-void-changed",
          "the content changed after approval was requested; the author must submit again");
    }
    String note = comment == null ? "" : TextRules.optionalLine("comment", comment, 2000);
    Instant at = clock.instant();
    try {
      repository.insertDecision(
          id,
          kind,
          person.username(),
          standing.right().get(),
          r.contentHash(),
          note,
          actor.ip(),
          at);
    } catch (DuplicateKeyException e) {
      throw Refusals.denied(
          actor, action, target, "approval-already-decided", "this approver decided already");
    }
    String onBehalf =
        standing.right().get().equals(person.username())
            ? ""
            : " as proxy for " + standing.right().get();
    actor.record(
        action,
        target,
        "request " + id,
        "sha256 " + r.contentHash() + onBehalf + (note.isEmpty() ? "" : ": " + note));
    ApprovalRequest after = get(id);
    if (kind == Decision.Kind.REJECT) {
      repository.transition(
          id, ApprovalRequest.State.PENDING, ApprovalRequest.State.REJECTED, at, null, note);
    } else if (after.approvals() >= after.required()) {
      Instant base = now.sendAt().filter(at::isBefore).orElse(at);
      repository.transition(
          id,
          ApprovalRequest.State.PENDING,
          ApprovalRequest.State.APPROVED,
          at,
          base.plus(properties.validity()),
          "");
      actor.record("approval.granted", target, "request " + id, "sha256 " + r.contentHash());
    }
    return get(id);
  }

  /** Who {@code person} counts as on {@code r}, or why they may not decide it. */
  private Either standingFor(SignedInUser person, ApprovalRequest r) {
    String me = person.username();
    if (r.authors().contains(me) || r.submittedBy().equals(me)) {
      return Either.no("approval-self", "nobody approves what they wrote or submitted");
    }
    String as = null;
    if (person.has(Role.APPROVER)) {
      as = me;
    } else {
      Instant now = clock.instant();
      for (Delegation d : repository.delegations(false, now)) {
        if (d.proxy().equals(me) && d.activeAt(now) && isApprover(d.approver())) {
          as = d.approver();
          break;
        }
      }
    }
    if (as == null) {
      return Either.no("approval-not-approver", "only approvers and their proxies decide");
    }
    if (r.authors().contains(as) || r.submittedBy().equals(as)) {
      return Either.no("approval-self", "nobody approves what they wrote or submitted");
    }
    String counted = as;
    if (r.decisions().stream().anyMatch(d -> d.onBehalfOf().equals(counted))) {
      return Either.no("approval-already-decided", "this approver decided already");
    }
    return new Either(Optional.of(as), "", "");
  }

  private record Either(Optional<String> right, String code, String message) {
    static Either no(String code, String message) {
      return new Either(Optional.empty(), code, message);
    }
  }

  private boolean isApprover(String username) {
    return users
        .byUsername(username)
        .filter(u -> u.enabled() && u.roles().contains(Role.APPROVER))
        .isPresent();
  }

  /** Moves an open request to a closed state, logged; nothing if it moved meanwhile. */
  void close(ApprovalRequest r, ApprovalRequest.State to, String note) {
    if (repository.transition(r.id(), r.state(), to, clock.instant(), null, note)) {
      actor.record(
          "approval." + to.name().toLowerCase(java.util.Locale.ROOT),
          r.subject().target(),
          "request " + r.id() + " " + r.state().name(),
          note);
    }
  }

  private ApprovalRequest lock(long id) {
    return repository
        .lock(id)
        .orElseThrow(() -> new InvalidInputException("id", "no-such-request", "no request " + id));
  }

  private ApprovalSubject subject(SubjectRef ref) {
    ApprovalSubject s = subjects.get(ref.kind());
    if (s == null) {
      throw new IllegalStateException("no approval subject of kind " + ref.kind());
    }
    return s;
  }
}
