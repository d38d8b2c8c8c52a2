package dev.hikyaku.approval;

import java.time.Instant;

/**
 * One approver's decision on a request, with the content hash they saw.
 *
 * @param decidedBy the person who decided
 * @param onBehalfOf the approver counted: {@code decidedBy} itself, or the absent approver a proxy
 *     stood in for
 */
public record Decision(
    long id,
    Kind kind,
    String decidedBy,
    String onBehalfOf,
    String contentHash,
    String comment,
    String ip,
    Instant decidedAt) {

  public enum Kind {
    APPROVE,
    REJECT
  }

  public boolean byProxy() {
    return !decidedBy.equals(onBehalfOf);
  }
}
