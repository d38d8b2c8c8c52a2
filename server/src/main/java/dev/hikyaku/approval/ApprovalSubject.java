package dev.hikyaku.approval;

import dev.hikyaku.approval.checks.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of thing that needs approval before it is sent, implemented by the module that owns it
 * (campaigns; the gateway's held mail later). The workflow asks it for the current state of one
 * subject whenever a decision or a send depends on it, never trusting what a page showed.
 */
public interface ApprovalSubject {

  /** The kind, e.g. {@code campaign}. */
  String kind();

  /** The console page where approvers review subject {@code id}. */
  default String reviewPath(long id) {
    return "/" + kind() + "s/" + id + "/review";
  }

  /** The subject as it is now, or an {@link dev.hikyaku.shared.InvalidInputException}. */
  Snapshot snapshot(long id);

  /**
   * The subject frozen for approval.
   *
   * @param hash SHA-256 (hex) over everything that decides what is sent, to whom and when
   * @param text the same content as readable text, for the diff against an earlier version
   * @param authors the usernames who wrote it; none of them may approve it
   * @param recipients how many people a send would reach now
   * @param findings the pre-send checks' findings for this content
   * @param sendAt the scheduled time that is part of the content, if any
   */
  record Snapshot(
      String title,
      String hash,
      String text,
      Set<String> authors,
      long recipients,
      List<Finding> findings,
      Optional<Instant> sendAt) {

    public Snapshot {
      authors = Set.copyOf(authors);
      findings = List.copyOf(findings);
    }

    public boolean blocked() {
      return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.BLOCKING);
    }
  }
}
