package dev.hikyaku.audience;

import java.time.Instant;

/** A named list of contacts that a campaign is sent to. */
public record Audience(
    long id, String name, String description, String createdBy, Instant createdAt, long contacts) {}
