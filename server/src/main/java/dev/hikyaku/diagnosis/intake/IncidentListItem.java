package dev.hikyaku.diagnosis.intake;

import java.time.Instant;

/** One line of the list of incident reports. */
public record IncidentListItem(
    long id,
    TroubleKind kind,
    String summary,
    TroublePlace place,
    String author,
    Instant createdAt) {}
