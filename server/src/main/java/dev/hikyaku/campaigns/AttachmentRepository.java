package dev.hikyaku.campaigns;

import dev.hikyaku.campaigns.render.Attachment;
import dev.hikyaku.platform.SqlTimes;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for campaign attachments. */
@Repository
class AttachmentRepository {

  private final JdbcClient jdbc;

  AttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a file; returns it as listed (without the content). */
  CampaignAttachment insert(
      long campaignId,
      String name,
      String type,
      byte[] content,
      String sha256,
      String by,
      Instant now) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO campaign_attachment (campaign_id, file_name, media_type, size, sha256,"
                + " content, created_by, created_at) VALUES (:c, :n, :t, :s, :h, :b, :by, :at)")
        .param("c", campaignId)
        .param("n", name)
        .param("t", type)
        .param("s", content.length)
        .param("h", sha256)
        .param("b", content)
        .param("by", by)
        .param("at", SqlTimes.utc(now))
        .update(keys, "id");
    return new CampaignAttachment(
        keys.getKeyAs(Number.class).longValue(),
        campaignId,
        name,
        type,
        content.length,
        sha256,
        by,
        now);
  }

  List<CampaignAttachment> of(long campaignId) {
    return jdbc.sql(
            "SELECT id, campaign_id, file_name, media_type, size, sha256, created_by, created_at"
                + " FROM campaign_attachment WHERE campaign_id = :c ORDER BY id")
        .param("c", campaignId)
        .query((rs, row) ->
            new CampaignAttachment(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("created_by"),
                SqlTimes.instant(rs, "created_at")))
        .list();
  }

  /** The files ready for composing (each base64-encoded once). */
  List<Attachment> contents(long campaignId) {
    return jdbc.sql(
            "SELECT file_name, media_type, content FROM campaign_attachment WHERE campaign_id = :c"
                + " ORDER BY id")
        .param("c", campaignId)
        .query((rs, row) ->
            Attachment.of(
                rs.getString("file_name"), rs.getString("media_type"), rs.getBytes("content")))
        .list();
  }

  /** A file's name, type and bytes, for the pre-send checks. */
  record Raw(String fileName, String mediaType, byte[] content) {}

  List<Raw> raw(long campaignId) {
    return jdbc.sql(
            "SELECT file_name, media_type, content FROM campaign_attachment WHERE campaign_id = :c"
                + " ORDER BY id")
        .param("c", campaignId)
        .query((rs, row) ->
            new Raw(rs.getString("file_name"), rs.getString("media_type"), rs.getBytes("content")))
        .list();
  }

  boolean delete(long campaignId, long id) {
    return jdbc.sql("DELETE FROM campaign_attachment WHERE campaign_id = :c AND id = :id")
            .param("c", campaignId)
            .param("id", id)
            .update()
        == 1;
  }

  /** Marks the campaign changed: approval binds to a version, and the renderer's cache too. */
  void bumpVersion(long campaignId, Instant now) {
    jdbc.sql("UPDATE campaign SET version = version + 1, updated_at = :at WHERE id = :c")
        .param("at", SqlTimes.utc(now))
        .param("c", campaignId)
        .update();
  }
}
