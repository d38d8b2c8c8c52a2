package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.headers.HopAnalyzer;
import dev.hikyaku.diagnosis.intake.IntakeInputException.Problem;
import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files incident reports and hands them out: anyone with a role may file one (trouble is
 * everyone's); the author reads their own, operators, auditors and administrators read all. Every
 * filing and every export is in the operation log.
 */
@Service
public class IntakeService {

  /** Reports listed at once. */
  static final int LIST_LIMIT = 200;

  private final IncidentAnalyzer analyzer;
  private final IncidentRepository repository;
  private final CurrentActor actor;
  private final TransactionTemplate transactions;
  private final Clock clock;

  IntakeService(
      IncidentAnalyzer analyzer,
      IncidentRepository repository,
      CurrentActor actor,
      TransactionTemplate transactions,
      Clock clock) {
    this.analyzer = analyzer;
    this.repository = repository;
    this.actor = actor;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Checks the filing (every problem at once, before the attachments are analysed), analyses it,
   * stores the redacted report and returns its id.
   *
   * @throws IntakeInputException with every problem found
   */
  public long file(Filing filing) {
    SignedInUser who = person();
    List<Problem> problems = new ArrayList<>();
    TroubleKind kind = null;
    try {
      kind = TroubleKind.parse(filing.kind());
    } catch (InvalidInputException e) {
      problems.add(new Problem("kind", e.code(), e.getMessage()));
    }
    Answers answers = null;
    if (kind != null) {
      try {
        answers = AnswersReader.read(kind, filing.answers(), filing.strict());
      } catch (IntakeInputException e) {
        problems.addAll(e.problems());
      }
    }
    Upload message = message(filing, problems);
    byte[] head = null;
    if (message != null) {
      head = MessageHead.read(message);
      try {
        MessageHead.check(message.name(), head);
      } catch (IntakeInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new IntakeInputException(problems);
    }
    IncidentReport report =
        analyzer.analyze(answers, message, head, filing.logs(), filing.redaction());
    Answers typed = answers;
    Long id =
        transactions.execute(status -> {
          long created =
              repository.insert(typed, report, who.id(), who.username(), clock.instant());
          actor.record(
              "incident.create",
              "incident:" + created,
              "",
              report.kind().key() + ", place " + report.place().place());
          return created;
        });
    return id;
  }

  /** The reports {@code viewer} may read, newest first. */
  public List<IncidentListItem> list() {
    SignedInUser viewer = person();
    return repository.list(
        readsAll(viewer) ? Optional.empty() : Optional.of(viewer.id()), LIST_LIMIT);
  }

  /** The report, if it exists and the current person may read it; else "no such incident". */
  public StoredIncident get(long id) {
    SignedInUser viewer = person();
    return repository
        .find(id)
        .filter(i -> i.authorId() == viewer.id() || readsAll(viewer))
        .orElseThrow(
            () -> new InvalidInputException("id", "no-such-incident", "no incident report " + id));
  }

  /** Records that report {@code id} left Hikyaku as {@code format} in {@code language}. */
  public void recordExport(long id, String format, String language) {
    actor.record("incident.export", "incident:" + id, "", format + ", " + language);
  }

  /** Whether {@code viewer} reads every report, not only their own. */
  static boolean readsAll(SignedInUser viewer) {
    return viewer.has(Role.OPERATOR) || viewer.has(Role.AUDITOR) || viewer.has(Role.ADMIN);
  }

  private SignedInUser person() {
    return actor.person().orElseThrow(() -> new AccessDeniedException("sign in first"));
  }

  /** The attached message: the upload, or the pasted headers; never both. */
  private static Upload message(Filing filing, List<Problem> problems) {
    String pasted = filing.pastedHeaders();
    if (filing.message() != null && !pasted.isBlank()) {
      problems.add(
          new Problem(
              "headers",
              "intake.message.both",
              "paste the headers or upload the message, not both"));
      return null;
    }
    if (filing.message() != null) {
      return MessageHead.withoutMboxLine(filing.message());
    }
    if (pasted.isBlank()) {
      return null;
    }
    if (pasted.length() > HopAnalyzer.MAX_HEADER_BYTES) {
      problems.add(
          new Problem(
              "headers",
              "intake.message.too-long",
              "the pasted headers are longer than "
                  + HopAnalyzer.MAX_HEADER_BYTES
                  + " characters"));
      return null;
    }
    return Upload.of("pasted", MessageHead.pasted(pasted));
  }
}
