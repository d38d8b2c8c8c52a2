package dev.hikyaku.cli;

import dev.hikyaku.mailauth.dns.DnsJavaResolver;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What the diagnosis commands share: JSON output and the DNS resolver chosen with --dns. */
final class CliOutput {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private CliOutput() {}

  /** Prints {@code value} as indented JSON. */
  static void json(PrintWriter out, Object value) {
    out.println(JSON.writeValueAsString(value));
  }

  /**
   * The resolver for {@code --dns HOST:PORT} (the system's resolvers when null), or empty after
   * saying on {@code err} what is wrong with the option.
   */
  static Optional<DnsJavaResolver> resolver(String dns, Duration timeout, PrintWriter err) {
    DnsJavaResolver.Builder builder = DnsJavaResolver.builder().timeout(timeout);
    try {
      if (dns != null) {
        builder.server(dns);
      }
    } catch (IllegalArgumentException e) {
      err.println("hikyaku: --dns: " + e.getMessage());
      return Optional.empty();
    }
    return Optional.of(builder.build());
  }
}
