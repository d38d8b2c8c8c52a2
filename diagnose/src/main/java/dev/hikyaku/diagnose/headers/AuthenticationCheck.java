package dev.hikyaku.diagnose.headers;

import dev.hikyaku.mailauth.AuthenticationReport;
import dev.hikyaku.mailauth.MessageAuthenticator;
import dev.hikyaku.mailauth.dns.IpLiterals;
import dev.hikyaku.mailauth.message.HeaderBlock;
import dev.hikyaku.mailauth.results.AuthenticationResultsParser;
import dev.hikyaku.mailauth.results.MethodResult;
import dev.hikyaku.mailauth.results.ParsedAuthenticationResults;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verdicts receivers recorded in Authentication-Results and ARC-Authentication-Results (RFC
 * 8601, RFC 8617), and a re-check now with mailauth: DKIM again on the message, SPF and DMARC for
 * the first hop outside the sender's organisation, with the differences explained.
 */
public final class AuthenticationCheck {

  private AuthenticationCheck() {}

  /** One recorded verdict: who wrote it, in which field, for which method. */
  public record Recorded(
      String field,
      int position,
      String authservId,
      String method,
      String result,
      Optional<String> reason) {}

  /** The recorded verdicts, the re-check if it could run, and what differs. */
  public record Comparison(
      List<Recorded> recorded, Optional<AuthenticationReport> recheck, List<Finding> findings) {

    public Comparison {
      recorded = List.copyOf(recorded);
      findings = List.copyOf(findings);
    }
  }

  /** Every verdict in the message's (ARC-)Authentication-Results fields, top field first. */
  public static List<Recorded> recorded(HeaderBlock headers) {
    List<Recorded> out = new ArrayList<>();
    int position = 0;
    for (HeaderBlock.Field field : headers.fields()) {
      String name = field.name().toLowerCase(Locale.ROOT);
      boolean arc = name.equals("arc-authentication-results");
      if (!arc && !name.equals("authentication-results")) {
        continue;
      }
      position++;
      ParsedAuthenticationResults parsed =
          arc
              ? AuthenticationResultsParser.parseArc(field.value())
              : AuthenticationResultsParser.parse(field.value());
      for (MethodResult result : parsed.results()) {
        out.add(
            new Recorded(
                field.name(),
                position,
                parsed.authservId().orElse(""),
                result.method().toLowerCase(Locale.ROOT),
                result.result().toLowerCase(Locale.ROOT),
                result.reason()));
      }
    }
    return out;
  }

  /**
   * Compares the topmost recorded verdicts (the last receiver's) with a re-check of {@code message}
   * (the whole message) by {@code authenticator}, using the client of the hop that entered the
   * recipient's side as the SPF client and Return-Path as MAIL FROM.
   */
  public static Comparison compare(
      byte[] message, HeaderBlock headers, HopReport hops, MessageAuthenticator authenticator) {
    List<Recorded> recorded = recorded(headers);
    List<Finding> findings = new ArrayList<>();
    Optional<Hop> entry =
        hops.firstExternalHop().isPresent()
            ? hops.hops().stream()
                .filter(h -> h.number() == hops.firstExternalHop().getAsInt())
                .findFirst()
            : Optional.empty();
    Optional<InetAddress> client =
        entry.flatMap(h -> h.received().fromAddress()).flatMap(IpLiterals::tryParse);
    if (client.isEmpty()) {
      findings.add(
          new Finding(
              Severity.INFO,
              "auth.recheck-skipped",
              "no hop names the sending server's IP address, so SPF and DMARC cannot be re-checked",
              ""));
      return new Comparison(recorded, Optional.empty(), findings);
    }
    String helo =
        entry.flatMap(h -> h.received().helo().or(() -> h.received().fromHostName())).orElse("");
    String mailFrom =
        headers.values("Return-Path").stream()
            .findFirst()
            .map(v -> v.replace("<", "").replace(">", "").strip())
            .orElse("");
    AuthenticationReport now = authenticator.authenticate(message, client.get(), helo, mailFrom);
    int top = recorded.stream().mapToInt(Recorded::position).min().orElse(0);
    List<Recorded> last = recorded.stream().filter(r -> r.position() == top).toList();
    differ(findings, last, "spf", now.spf().result().rfcName(), now.spf().reason());
    now.dkim().stream()
        .findFirst()
        .ifPresent(d -> differ(findings, last, "dkim", d.result().rfcName(), d.reason()));
    differ(findings, last, "dmarc", now.dmarc().result().rfcName(), now.dmarc().reason());
    return new Comparison(recorded, Optional.of(now), findings);
  }

  private static void differ(
      List<Finding> findings, List<Recorded> last, String method, String now, String reason) {
    last.stream()
        .filter(r -> r.method().equals(method))
        .findFirst()
        .filter(r -> !r.result().equals(now))
        .ifPresent(r ->
            findings.add(
                new Finding(
                    now.equals("pass") ? Severity.INFO : Severity.WARNING,
                    "auth.differs",
                    method
                        + ": "
                        + r.authservId()
                        + " recorded "
                        + r.result()
                        + ", the re-check"
                        + " gives "
                        + now
                        + " ("
                        + reason
                        + "). "
                        + explanation(method),
                    r.field())));
  }

  private static String explanation(String method) {
    return switch (method) {
      case "dkim" ->
          "A signature that verified on arrival and fails now means the message was"
              + " changed afterwards (a list footer, a gateway) or the key was rotated away.";
      case "spf" ->
          "SPF depends on the sender's DNS today and on which hop is taken as the"
              + " client; the receiver may also have seen a different HELO or MAIL FROM.";
      default -> "DMARC follows from SPF and DKIM above, and the policy record may have changed.";
    };
  }
}
