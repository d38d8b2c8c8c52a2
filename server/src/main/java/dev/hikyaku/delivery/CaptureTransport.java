package dev.hikyaku.delivery;

import dev.hikyaku.platform.SqlTimes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default route of a fresh install: every message is kept in the capture mailbox, which the
 * console shows, and nothing leaves the machine until an admin configures relay or direct mode.
 */
final class CaptureTransport implements Transport {

  private final JdbcClient jdbc;
  private final Clock clock;

  CaptureTransport(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String route() {
    return "capture";
  }

  @Override
  public List<Sent> send(String domain, List<RenderedMessage> messages, BooleanSupplier halted) {
    List<Sent> results = new ArrayList<>(messages.size());
    for (RenderedMessage m : messages) {
      if (halted.getAsBoolean()) {
        break;
      }
      long start = System.nanoTime();
      jdbc.sql(
              "INSERT INTO captured_message (envelope_from, recipient, subject, content,"
                  + " captured_at) VALUES (:from, :rcpt, :subject, :content, :at)")
          .param("from", m.envelopeFrom())
          .param("rcpt", m.recipient())
          .param(
              "subject", m.subject().length() > 998 ? m.subject().substring(0, 998) : m.subject())
          .param("content", m.content())
          .param("at", SqlTimes.utc(clock.instant()))
          .update();
      results.add(
          new Sent(
              new DeliveryOutcome.Delivered(250, "250 2.0.0 kept in the capture mailbox"),
              "capture",
              "",
              Tls.NONE,
              (System.nanoTime() - start) / 1_000_000));
    }
    return results;
  }
}
