package dev.hikyaku.audience;

import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for audiences and contacts. */
@Repository
class AudienceRepository {

  private static final String AUDIENCE =
      "SELECT a.id, a.name, a.description, a.created_by, a.created_at,"
          + " (SELECT COUNT(*) FROM contact c WHERE c.audience_id = a.id) AS contacts"
          + " FROM audience a";
  private static final String CONTACT =
      "SELECT c.id, c.audience_id, c.email, c.name, c.company, c.attributes FROM contact c";

  private final JdbcClient jdbc;

  AudienceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  long insert(String name, String description, String by, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO audience (name, description, created_by, created_at)"
                + " VALUES (:n, :d, :by, :at)")
        .param("n", name)
        .param("d", description)
        .param("by", by)
        .param("at", now.atOffset(ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  boolean nameTaken(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM audience WHERE name = :n")
            .param("n", name)
            .query(Long.class)
            .single()
        > 0;
  }

  List<Audience> all() {
    return jdbc.sql(AUDIENCE + " ORDER BY a.name").query(AudienceRepository::audience).list();
  }

  Optional<Audience> find(long id) {
    return jdbc.sql(AUDIENCE + " WHERE a.id = :id")
        .param("id", id)
        .query(AudienceRepository::audience)
        .optional();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM audience WHERE id = :id").param("id", id).update();
  }

  /** Adds the contact, or updates name, company and attributes of the same address. */
  long upsertContact(long audienceId, Contact c, Instant now) {
    int updated =
        jdbc.sql(
                "UPDATE contact SET email = :e, name = :n, company = :co, attributes = :a,"
                    + " updated_at = :at WHERE audience_id = :aud AND email_key = :k")
            .param("e", c.email())
            .param("n", c.name())
            .param("co", c.company())
            .param("a", Attributes.toJson(c.attributes()))
            .param("at", now.atOffset(ZoneOffset.UTC))
            .param("aud", audienceId)
            .param("k", key(c.email()))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO contact (audience_id, email, email_key, name, company, attributes,"
                  + " created_at, updated_at) VALUES (:aud, :e, :k, :n, :co, :a, :at, :at)")
          .param("aud", audienceId)
          .param("e", c.email())
          .param("k", key(c.email()))
          .param("n", c.name())
          .param("co", c.company())
          .param("a", Attributes.toJson(c.attributes()))
          .param("at", now.atOffset(ZoneOffset.UTC))
          .update();
    }
    return findContact(audienceId, c.email()).map(Contact::id).orElseThrow();
  }

  Optional<Contact> findContact(long audienceId, String email) {
    return jdbc.sql(CONTACT + " WHERE c.audience_id = :aud AND c.email_key = :k")
        .param("aud", audienceId)
        .param("k", key(email))
        .query(AudienceRepository::contact)
        .optional();
  }

  boolean deleteContact(long audienceId, long contactId) {
    return jdbc.sql("DELETE FROM contact WHERE audience_id = :aud AND id = :id")
            .param("aud", audienceId)
            .param("id", contactId)
            .update()
        > 0;
  }

  /** A page of contacts in id order after {@code afterId}, optionally filtered by address. */
  List<Contact> contacts(long audienceId, long afterId, int limit, String search) {
    boolean filter = search != null && !search.isBlank();
    return jdbc.sql(
            CONTACT
                + " WHERE c.audience_id = :aud AND c.id > :after"
                + (filter ? " AND c.email_key LIKE :q" : "")
                + " ORDER BY c.id FETCH FIRST :lim ROWS ONLY")
        .param("aud", audienceId)
        .param("after", afterId)
        .param("lim", limit)
        .param("q", filter ? "%" + key(search.strip()).replace("%", "") + "%" : "")
        .query(AudienceRepository::contact)
        .list();
  }

  /**
   * The next batch of the audience's contacts that are not suppressed, in id order after {@code
   * afterId}: what a send expands into, streamed in batches.
   */
  List<Contact> sendable(long audienceId, long afterId, int limit) {
    return jdbc.sql(
            CONTACT
                + " WHERE c.audience_id = :aud AND c.id > :after AND NOT EXISTS"
                + " (SELECT 1 FROM suppression s WHERE s.email_key = c.email_key)"
                + " ORDER BY c.id FETCH FIRST :lim ROWS ONLY")
        .param("aud", audienceId)
        .param("after", afterId)
        .param("lim", limit)
        .query(AudienceRepository::contact)
        .list();
  }

  /** The unsuppressed contact at {@code offset} in id order, if there is one. */
  java.util.Optional<Contact> sendableAt(long audienceId, long offset) {
    return jdbc.sql(
            CONTACT
                + " WHERE c.audience_id = :aud AND NOT EXISTS"
                + " (SELECT 1 FROM suppression s WHERE s.email_key = c.email_key)"
                + " ORDER BY c.id OFFSET :off ROWS FETCH FIRST 1 ROWS ONLY")
        .param("aud", audienceId)
        .param("off", offset)
        .query(AudienceRepository::contact)
        .optional();
  }

  /** Unsuppressed recipients per destination domain, largest first. */
  java.util.List<DomainCount> domainCounts(long audienceId, int limit) {
    return jdbc.sql(
            "SELECT SUBSTRING(c.email_key FROM POSITION('@' IN c.email_key) + 1) AS domain,"
                + " COUNT(*) AS n FROM contact c WHERE c.audience_id = :aud AND NOT EXISTS"
                + " (SELECT 1 FROM suppression s WHERE s.email_key = c.email_key)"
                + " GROUP BY SUBSTRING(c.email_key FROM POSITION('@' IN c.email_key) + 1)"
                + " ORDER BY n DESC, domain FETCH FIRST :lim ROWS ONLY")
        .param("aud", audienceId)
        .param("lim", limit)
        .query((rs, n) -> new DomainCount(rs.getString("domain"), rs.getLong("n")))
        .list();
  }

  long countSendable(long audienceId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM contact c WHERE c.audience_id = :aud AND NOT EXISTS"
                + " (SELECT 1 FROM suppression s WHERE s.email_key = c.email_key)")
        .param("aud", audienceId)
        .query(Long.class)
        .single();
  }

  private static Audience audience(ResultSet rs, int row) throws SQLException {
    return new Audience(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("created_by"),
        SqlTimes.instant(rs, "created_at"),
        rs.getLong("contacts"));
  }

  private static Contact contact(ResultSet rs, int row) throws SQLException {
    return new Contact(
        rs.getLong("id"),
        rs.getLong("audience_id"),
        rs.getString("email"),
        rs.getString("name"),
        rs.getString("company"),
        Attributes.fromJson(rs.getString("attributes")));
  }
}
