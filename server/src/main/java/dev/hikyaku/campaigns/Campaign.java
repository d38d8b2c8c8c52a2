package dev.hikyaku.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign as stored.
 *
 * @param version bumped by every edit
 * @param updatedBy who last changed the content (an author, who may therefore not approve it)
 * @param testedHash the content hash of the latest test send; approval may require it to be current
 * @param scheduledBy the operator who scheduled the send, while it is SCHEDULED
 * @param refusal why the scheduled start was refused at its time, if it was
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
    int version,
    String updatedBy,
    String testedHash,
    Optional<String> scheduledBy,
    String refusal) {

  /**
   * Where a campaign stands; once started, the delivery engine's job says how far it got. A
   * SCHEDULED campaign starts at its {@code sendAt} if every gate still lets it then.
   */
  public enum Status {
    DRAFT,
    SCHEDULED,
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
