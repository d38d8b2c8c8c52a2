package dev.hikyaku.delivery.inbound;

import dev.hikyaku.platform.SqlTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code bounce_message}: each accepted inbound message, raw, with its verdict. */
@Repository
class BounceMessageRepository {

  private final JdbcClient jdbc;

  BounceMessageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      Instant at,
      String envelopeFrom,
      InboundRecipient recipient,
      long deliveryId,
      Triage triage,
      byte[] raw) {
    jdbc.sql(
            "INSERT INTO bounce_message (received_at, envelope_from, recipient, token,"
                + " delivery_id, verdict, summary, size, raw)"
                + " VALUES (:at, :from, :rcpt, :token, :d, :v, :s, :size, :raw)")
        .param("at", SqlTimes.utc(at))
        .param("from", envelopeFrom.length() > 254 ? envelopeFrom.substring(0, 254) : envelopeFrom)
        .param("rcpt", recipient.address())
        .param("token", recipient.token())
        .param("d", deliveryId)
        .param("v", triage.verdict().name())
        .param("s", triage.summary())
        .param("size", raw.length)
        .param("raw", raw)
        .update();
  }

  /** A page in id order after {@code afterId}. */
  List<ReceivedBounce> page(long afterId, int limit) {
    return jdbc.sql(
            "SELECT id, received_at, envelope_from, recipient, token, delivery_id, verdict,"
                + " summary, size FROM bounce_message WHERE id > :after ORDER BY id"
                + " FETCH FIRST :lim ROWS ONLY")
        .param("after", afterId)
        .param("lim", limit)
        .query((rs, row) -> {
          long delivery = rs.getLong("delivery_id");
          Optional<Long> deliveryId = rs.wasNull() ? Optional.empty() : Optional.of(delivery);
          return new ReceivedBounce(
              rs.getLong("id"),
              SqlTimes.instant(rs, "received_at"),
              rs.getString("envelope_from"),
              rs.getString("recipient"),
              rs.getString("token"),
              deliveryId,
              Verdict.valueOf(rs.getString("verdict")),
              rs.getString("summary"),
              rs.getInt("size"));
        })
        .list();
  }
}
