package dev.hikyaku.delivery;

/** A send job completed (nothing left to send) or was cancelled. */
public record SendJobFinished(long jobId, String sourceKind, long sourceId, SendJob.State state) {}
