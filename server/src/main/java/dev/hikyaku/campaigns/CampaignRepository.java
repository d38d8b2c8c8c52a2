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
          + " created_at, updated_at, started_by, started_at, version FROM campaign";

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
                    + " test_recipients, created_by, created_at, updated_at) VALUES (:name,"
                    + " 'DRAFT', :domain, :local, :fromName, :replyTo, :subject, :text, :html,"
                    + " :charset, :language, :audience, :seeds, :by, :at, :at)"),
            c)
        .param("by", by)
        .param("at", now.atOffset(ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /** Saves an edit of a draft; false when it is no longer a draft or was edited meanwhile. */
  boolean update(long id, int version, CampaignContent c, Instant now) {
    return bind(
                jdbc.sql(
                    "UPDATE campaign SET name = :name, sending_domain = :domain,"
                        + " from_local_part = :local, from_name = :fromName, reply_to = :replyTo,"
                        + " subject = :subject, body_text = :text, body_html = :html,"
                        + " charset = :charset, language = :language, audience_id = :audience,"
                        + " test_recipients = :seeds, updated_at = :at, version = version + 1"
                        + " WHERE id = :id AND version = :v AND status = 'DRAFT'"),
                c)
            .param("at", now.atOffset(ZoneOffset.UTC))
            .param("id", id)
            .param("v", version)
            .update()
        == 1;
  }

  /** Marks a draft started; false when it was not a draft at this version. */
  boolean markStarted(long id, int version, String by, Instant now) {
    return jdbc.sql(
                "UPDATE campaign SET status = 'STARTED', started_by = :by, started_at = :at"
                    + " WHERE id = :id AND version = :v AND status = 'DRAFT'")
            .param("by", by)
            .param("at", now.atOffset(ZoneOffset.UTC))
            .param("id", id)
            .param("v", version)
            .update()
        == 1;
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
        .param("seeds", String.join("\n", c.testRecipients()));
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
            seeds == null || seeds.isBlank() ? List.of() : List.of(seeds.split("\n")));
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
        rs.getInt("version"));
  }
}
