package dev.hikyaku.delivery;

import java.time.Instant;

/** A message the capture mailbox kept instead of sending. */
public record CapturedMessage(
    long id, String envelopeFrom, String recipient, String subject, int size, Instant capturedAt) {}
