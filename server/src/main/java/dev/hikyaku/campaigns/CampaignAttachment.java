package dev.hikyaku.campaigns;

import java.time.Instant;

/** A file attached to every message of a campaign (without its content). */
public record CampaignAttachment(
    long id,
    long campaignId,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    String createdBy,
    Instant createdAt) {}
