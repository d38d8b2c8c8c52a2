package dev.hikyaku.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign as stored.
 *
 * @param version bumped by every edit; approval (issue 5) will bind to the content, a send to it
 */
public record Campaign(
    long id,
    String name,
    Status status,
    CampaignContent content,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Optional<String> startedBy,
    Optional<Instant> startedAt,
    int version) {

  /** Where a campaign stands; once started, the delivery engine's job says how far it got. */
  public enum Status {
    DRAFT,
    STARTED
  }

  public boolean editable() {
    return status == Status.DRAFT;
  }

  /** The seed list of the test send. */
  public List<String> testRecipients() {
    return content.testRecipients();
  }
}
