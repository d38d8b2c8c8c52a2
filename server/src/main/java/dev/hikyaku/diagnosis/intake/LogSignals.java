package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.logs.ConnectionTrouble;
import dev.hikyaku.diagnose.logs.Delivery;
import dev.hikyaku.diagnose.logs.DeliveryStatus;
import dev.hikyaku.diagnose.logs.ParsedLine;
import dev.hikyaku.diagnose.logs.PostfixLogParser;
import dev.hikyaku.diagnose.logs.PostfixProgram;
import java.util.List;
import java.util.Objects;

/**
 * Counts the signs of trouble at our own MTA that the place rules need and the summary does not
 * keep: TLS failures and temporary DNS failures of outbound deliveries, and failed outbound
 * connections. Only lines containing one of a few words are parsed (a second time, after the
 * analyzer), so the cost on a large log stays small.
 *
 * <p>Counted as TLS failures: {@code SSL_connect error}, {@code certificate verification failed}
 * and {@code server certificate verification failed} of the smtp client, and deferrals or bounces
 * whose reason mentions TLS or a certificate ({@code TLS is required, but was not offered}). As DNS
 * failures: deferrals with {@code 4.4.3} (directory server failure, RFC 3463 §3.5) or a reason
 * saying the lookup should be tried again ({@code Name service error ... try again}, {@code
 * Temporary failure in name resolution}); a domain that does not exist is the counterpart's
 * mistake, not our resolver's, and is not counted. As connection failures: {@code connect to
 * host[ip]:25: Connection timed out} and the like.
 */
final class LogSignals {

  private static final List<String> WORDS =
      List.of("TLS", "SSL", "certificate", "name", "connect to", "4.4.3");

  private final PostfixLogParser parser;
  private long tls;
  private long dns;
  private long connect;

  LogSignals(PostfixLogParser parser) {
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  void accept(String line) {
    if (WORDS.stream().noneMatch(line::contains)) {
      return;
    }
    if (!(parser.parse(line) instanceof ParsedLine.Entry entry)) {
      return;
    }
    boolean client = entry.header().program() == PostfixProgram.SMTP;
    switch (entry.event()) {
      case ConnectionTrouble t when t.outbound() -> trouble(t);
      case Delivery d when client && failed(d.status()) -> delivery(d);
      default -> {
        // Other events say nothing about our MTA's TLS, DNS or connections.
      }
    }
  }

  private void trouble(ConnectionTrouble t) {
    switch (t.problem()) {
      case "SSL_connect error",
          "certificate verification failed",
          "server certificate verification failed" ->
          tls++;
      case "connect failed" -> connect++;
      default -> {
        // Lost connections and timeouts mid-conversation are the peer's as often as ours.
      }
    }
  }

  private void delivery(Delivery d) {
    String reason = d.response();
    if (reason.contains("TLS") || reason.contains("certificate")) {
      tls++;
    } else if (d.dsn().map(x -> x.toString().equals("4.4.3")).orElse(false)
        || reason.contains("try again")
        || reason.contains("Temporary failure in name resolution")) {
      dns++;
    }
  }

  private static boolean failed(DeliveryStatus status) {
    return status == DeliveryStatus.DEFERRED
        || status == DeliveryStatus.BOUNCED
        || status == DeliveryStatus.EXPIRED;
  }

  long tlsFailures() {
    return tls;
  }

  long dnsFailures() {
    return dns;
  }

  long connectFailures() {
    return connect;
  }
}
