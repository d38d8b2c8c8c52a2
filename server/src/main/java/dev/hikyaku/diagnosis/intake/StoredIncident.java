package dev.hikyaku.diagnosis.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident report as stored: who filed it and when, and the report itself (redacted as they
 * chose).
 *
 * @param id the report's number
 * @param authorId the filer's user id
 * @param author the filer's username
 * @param createdAt when it was filed
 * @param report the report
 */
public record StoredIncident(
    long id, long authorId, String author, Instant createdAt, IncidentReport report) {

  public StoredIncident {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(report, "report");
  }
}
