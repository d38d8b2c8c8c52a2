package dev.hikyaku.mailauth.dns;

import java.util.Objects;

/**
 * One MX record: a preference (lower is preferred) and the exchange host name, lower case without
 * the trailing dot.
 */
public record MxRecord(int preference, String exchange) {
  public MxRecord {
    Objects.requireNonNull(exchange, "exchange");
    if (preference < 0 || preference > 65535) {
      throw new IllegalArgumentException("MX preference out of range: " + preference);
    }
    exchange = DnsNames.normalize(exchange);
  }
}
