package dev.hikyaku.campaigns;

import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for campaigns. */
@Repository
class CampaignRepository {

  private static final String SELECT =
      "SELECT id, name, status, sending_domain, from_local_part, from_name, reply_to, subject,"
          + " body_text, body_html, charset, language, audience_id, test_recipients, created_by,"
          + " created_at, updated_at, started_by, started_at, version, send_at, updated_by,"
          + " tested_hash, scheduled_by, refusal FROM campaign";

  private final JdbcClient jdbc;

  CampaignRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(CampaignContent c, String by, Instant now) {
    var keys = new GeneratedKeyHolder();
    bind(
            jdbc.sql(
                "INSERT INTO campaign (name, status, sending_domain, from_local_part, from_name,"
                    + " reply_to, subject, body_text, body_html, charset, language, audience_id,"
                    + " test_recipients, send_at, created_by, updated_by, created_at, updated_at) VALUES"
                    + " (:name, 'DRAFT', :domain, :local, :fromName, :replyTo, :subject, :text,"
                    + " :html, :charset, :language, :audience, :seeds, :sendAt, :by, :by, :at,"
                    + " :at)"),
            c)
        .param("by", by)
        .param("at", now.atOffset(ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /** Saves an edit of a draft; false when it is no longer a draft or was edited meanwhile. */
  boolean update(long id, int version, CampaignContent c, String by, Instant now) {
    return bind(
                jdbc.sql(
                    "UPDATE campaign SET name = :name, sending_domain = :domain,"
                        + " from_local_part = :local, from_name = :fromName, reply_to = :replyTo,"
                        + " subject = :subject, body_text = :text, body_html = :html,"
                        + " charset = :charset, language = :language, audience_id = :audience,"
                        + " test_recipients = :seeds, send_at = :sendAt, updated_by = :by,"
                        + " updated_at = :at, version = version + 1"
                        + " WHERE id = :id AND version = :v AND status = 'DRAFT'"),
                c)
            .param("by", by)
            .param("at", now.atOffset(ZoneOffset.UTC))
            .param("id", id)
            .param("v", version)
            .update()
        == 1;
  }

  /**
   * Marks a draft (or a due scheduled campaign) started; false when it was no longer in {@code
   * from} at this version.
   */
  boolean markStarted(
      long id, int version, Campaign.Status from, String by, long recipients, Instant now) {
    return jdbc.sql(
                "UPDATE campaign SET status = 'STARTED', started_by = :by, started_at = :at,"
                    + " recipient_count = :n, refusal = ''"
                    + " WHERE id = :id AND version = :v AND status = :from")
            .param("from", from.name())
            .param("n", recipients)
            .param("by", by)
            .param("at", now.atOffset(ZoneOffset.UTC))
            .param("id", id)
            .param("v", version)
            .update()
        == 1;
  }

  /** Schedules a draft for its {@code send_at}; false when it was no longer that draft. */
  boolean markScheduled(long id, int version, String by) {
    return jdbc.sql(
                "UPDATE campaign SET status = 'SCHEDULED', scheduled_by = :by, refusal = ''"
                    + " WHERE id = :id AND version = :v AND status = 'DRAFT'")
            .param("by", by)
            .param("id", id)
            .param("v", version)
            .update()
        == 1;
  }

  /** Returns a scheduled campaign to draft, noting why when the schedule was refused. */
  boolean unschedule(long id, String refusal) {
    return jdbc.sql(
                "UPDATE campaign SET status = 'DRAFT', scheduled_by = NULL, refusal = :why"
                    + " WHERE id = :id AND status = 'SCHEDULED'")
            .param("why", refusal.length() > 1000 ? refusal.substring(0, 1000) : refusal)
            .param("id", id)
            .update()
        == 1;
  }

  /** Campaigns scheduled for {@code now} or earlier. */
  List<Long> due(Instant now) {
    return jdbc.sql(
            "SELECT id FROM campaign WHERE status = 'SCHEDULED' AND send_at <= :now ORDER BY"
                + " send_at, id")
        .param("now", now.atOffset(ZoneOffset.UTC))
        .query(Long.class)
        .list();
  }

  void markTested(long id, String hash) {
    jdbc.sql("UPDATE campaign SET tested_hash = :h WHERE id = :id")
        .param("h", hash)
        .param("id", id)
        .update();
  }

  /** The recipients of the audience's largest earlier send, if it had one. */
  Optional<Long> largestSend(long audienceId, long exceptCampaign) {
    return jdbc.sql(
            "SELECT MAX(recipient_count) FROM campaign WHERE audience_id = :a AND id <> :id"
                + " AND recipient_count IS NOT NULL")
        .param("a", audienceId)
        .param("id", exceptCampaign)
        .query(rs -> {
          if (!rs.next()) {
            return Optional.<Long>empty();
          }
          long max = rs.getLong(1);
          return rs.wasNull() ? Optional.<Long>empty() : Optional.of(max);
        });
  }

  /** Records who changed the content last, for attachment changes that bump the version. */
  void touchedBy(long id, String by) {
    jdbc.sql("UPDATE campaign SET updated_by = :by WHERE id = :id")
        .param("by", by)
        .param("id", id)
        .update();
  }

  Optional<Campaign> find(long id) {
    return jdbc.sql(SELECT + " WHERE id = :id")
        .param("id", id)
        .query(CampaignRepository::campaign)
        .optional();
  }

  List<Campaign> all() {
    return jdbc.sql(SELECT + " ORDER BY id DESC FETCH FIRST 500 ROWS ONLY")
        .query(CampaignRepository::campaign)
        .list();
  }

  boolean deleteDraft(long id) {
    return jdbc.sql("DELETE FROM campaign WHERE id = :id AND status = 'DRAFT'")
            .param("id", id)
            .update()
        == 1;
  }

  private static StatementSpec bind(StatementSpec s, CampaignContent c) {
    return s.param("name", c.name())
        .param("domain", c.sendingDomain())
        .param("local", c.fromLocalPart())
        .param("fromName", c.fromName())
        .param("replyTo", c.replyTo())
        .param("subject", c.subject())
        .param("text", c.bodyText())
        .param("html", c.bodyHtml())
        .param("charset", c.charset().name())
        .param("language", c.language().name().toLowerCase(java.util.Locale.ROOT))
        .param("audience", c.audienceId().orElse(null))
        .param("seeds", String.join("\n", c.testRecipients()))
        .param("sendAt", c.sendAt().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null));
  }

  private static Campaign campaign(ResultSet rs, int row) throws SQLException {
    long audience = rs.getLong("audience_id");
    Optional<Long> audienceId = rs.wasNull() ? Optional.empty() : Optional.of(audience);
    String seeds = rs.getString("test_recipients");
    CampaignContent content =
        new CampaignContent(
            rs.getString("name"),
            rs.getString("sending_domain"),
            rs.getString("from_local_part"),
            rs.getString("from_name"),
            rs.getString("reply_to"),
            rs.getString("subject"),
            rs.getString("body_text"),
            rs.getString("body_html"),
            CampaignContent.Charset.valueOf(rs.getString("charset")),
            CampaignContent.Language.valueOf(
                rs.getString("language").toUpperCase(java.util.Locale.ROOT)),
            audienceId,
            seeds == null || seeds.isBlank() ? List.of() : List.of(seeds.split("\n")),
            Optional.ofNullable(SqlTimes.instant(rs, "send_at")));
    return new Campaign(
        rs.getLong("id"),
        content.name(),
        Campaign.Status.valueOf(rs.getString("status")),
        content,
        rs.getString("created_by"),
        SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "updated_at"),
        Optional.ofNullable(rs.getString("started_by")),
        Optional.ofNullable(SqlTimes.instant(rs, "started_at")),
        rs.getInt("version"),
        rs.getString("updated_by"),
        rs.getString("tested_hash"),
        Optional.ofNullable(rs.getString("scheduled_by")),
        rs.getString("refusal"));
  }
}
