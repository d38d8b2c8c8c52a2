package dev.hikyaku.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A recipient's message in the queue, with its attempts: what support looks up. */
public record DeliveryRecord(
    long id,
    long jobId,
    String recipient,
    DeliveryState state,
    int attempts,
    Instant queuedAt,
    Instant nextAttemptAt,
    Optional<Instant> finishedAt,
    Optional<Integer> lastCode,
    String lastReply,
    List<Attempt> history) {}
