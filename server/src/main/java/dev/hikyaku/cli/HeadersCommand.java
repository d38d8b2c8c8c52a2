package dev.hikyaku.cli;

import dev.hikyaku.diagnose.encoding.EncodingAnalyzer;
import dev.hikyaku.diagnose.encoding.EncodingReport;
import dev.hikyaku.diagnose.headers.AuthenticationCheck;
import dev.hikyaku.diagnose.headers.Finding;
import dev.hikyaku.diagnose.headers.Hop;
import dev.hikyaku.diagnose.headers.HopAnalyzer;
import dev.hikyaku.diagnose.headers.HopReport;
import dev.hikyaku.diagnose.headers.ReceivedField;
import dev.hikyaku.diagnose.headers.SpamVerdicts;
import dev.hikyaku.diagnose.redaction.HeaderRedactor;
import dev.hikyaku.diagnose.redaction.Redaction;
import dev.hikyaku.diagnose.redaction.RedactionOptions;
import dev.hikyaku.mailauth.MessageAuthenticator;
import dev.hikyaku.mailauth.dns.DnsJavaResolver;
import dev.hikyaku.mailauth.message.HeaderBlock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hikyaku headers FILE}: the path a message took, hop by hop, with delays, TLS and findings,
 * and the encoding diagnosis (mojibake). The hop analysis reads only the header block (up to 2
 * MiB); the encoding analysis streams through the rest and looks at the start of each part only, so
 * a 50 MB .eml is no problem. Needs no database ({@link StandaloneCommands}).
 */
@Command(
    name = "headers",
    mixinStandardHelpOptions = true,
    description =
        "Analyze a message's headers: hops, delays, TLS, clock skew, findings; encoding (mojibake).")
class HeadersCommand implements Callable<Integer> {

  private static final int MAX_HEADER_BYTES = 2 << 20;

  /** The most of a message read for --recheck (DKIM needs the body). */
  private static final int MAX_MESSAGE_BYTES = 64 << 20;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "The message (.eml) or its headers pasted into a file.")
  Path file;

  @Option(names = "--json", description = "Print JSON for machines.")
  boolean json;

  @Option(
      names = "--recheck",
      description = "Verify DKIM again and re-evaluate SPF and DMARC now (asks DNS).")
  boolean recheck;

  @Option(names = "--dns", description = "DNS server for --recheck as HOST:PORT.")
  String dns;

  @Option(
      names = "--redact",
      description =
          "Print the header block with addresses, names and subject masked consistently, to hand"
              + " to a partner; the mapping goes to standard error only.")
  boolean redact;

  @Option(names = "--keep-domain", description = "With --redact: a domain to leave visible.")
  List<String> keepDomains = new java.util.ArrayList<>();

  @Option(names = "--redact-field", description = "With --redact: another field to mask.")
  List<String> redactFields = new java.util.ArrayList<>();

  @Option(names = "--redact-ips", description = "With --redact: mask IP addresses too.")
  boolean redactIps;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // Only --recheck keeps the body in memory (DKIM); the encoding analysis streams through it.
    byte[] head;
    EncodingReport encoding = null;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(recheck ? MAX_MESSAGE_BYTES : MAX_HEADER_BYTES);
      if (!redact) { // the file is read once: what was read first, then the rest
        encoding =
            new EncodingAnalyzer()
                .analyze(new SequenceInputStream(new ByteArrayInputStream(head), in));
      }
    } catch (IOException e) {
      spec.commandLine().getErr().println("hikyaku: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    if (redact) {
      return printRedacted(head, out, spec.commandLine().getErr());
    }
    HeaderBlock headers = HeaderBlock.read(head, MAX_HEADER_BYTES);
    HopReport report = new HopAnalyzer(Clock.systemUTC()).analyze(headers);
    Optional<AuthenticationCheck.Comparison> comparison = Optional.empty();
    if (recheck) {
      Optional<DnsJavaResolver> resolver =
          CliOutput.resolver(dns, Duration.ofSeconds(5), spec.commandLine().getErr());
      if (resolver.isEmpty()) {
        return 2;
      }
      comparison =
          Optional.of(
              AuthenticationCheck.compare(
                  head,
                  headers,
                  report,
                  new MessageAuthenticator(resolver.get(), Clock.systemUTC(), "hikyaku.recheck")));
    }
    List<AuthenticationCheck.Recorded> recorded =
        comparison
            .map(AuthenticationCheck.Comparison::recorded)
            .orElseGet(() -> AuthenticationCheck.recorded(headers));
    List<SpamVerdicts.Verdict> spam = SpamVerdicts.read(headers);
    if (json) {
      Map<String, Object> root = toJson(report);
      root.put("recorded", recorded);
      root.put("spamVerdicts", spam);
      root.put("encoding", EncodingSection.json(encoding));
      comparison.ifPresent(c -> root.put("recheckFindings", c.findings()));
      comparison
          .flatMap(AuthenticationCheck.Comparison::recheck)
          .ifPresent(r -> root.put("recheck", r.authenticationResultsField()));
      CliOutput.json(out, root);
    } else {
      print(report, out);
      printAuthentication(recorded, comparison, out);
      out.println();
      out.println("Spam filter verdicts");
      if (spam.isEmpty()) {
        out.println("  none");
      }
      for (SpamVerdicts.Verdict v : spam) {
        out.printf(
            "  %-14s %-8s %s (%s)%n",
            v.filter(), v.spam() ? "SPAM" : "ok", v.explanation(), v.field());
      }
      EncodingSection.print(encoding, out);
    }
    out.flush();
    return 0;
  }

  private static void print(HopReport report, PrintWriter out) {
    long longest =
        report.hops().stream()
            .flatMap(h -> h.delay().stream())
            .mapToLong(d -> Math.max(0, d.toSeconds()))
            .max()
            .orElse(0);
    out.printf("%-3s %-34s %-34s %-8s %-9s %9s%n", "#", "from", "by", "with", "tls", "delay");
    for (Hop hop : report.hops()) {
      ReceivedField r = hop.received();
      String delay = hop.delay().map(HeadersCommand::duration).orElse("");
      out.printf(
          "%-3d %-34s %-34s %-8s %-9s %9s %s%s%n",
          hop.number(),
          cut(
              r.fromHostName().or(r::from).orElse("")
                  + r.fromAddress().map(a -> " [" + a + "]").orElse("")),
          cut(r.by().orElse("")),
          r.with().orElse(""),
          r.tls().flatMap(t -> t.version()).orElse(r.encrypted() ? "yes" : ""),
          delay,
          bar(hop.delay(), longest),
          hop.clockSkew() ? "  ← clock skew" : "");
    }
    report.transit().ifPresent(t -> out.println("transit, first to last hop: " + duration(t)));
    report.sinceDate().ifPresent(t -> out.println("from Date: to the last hop: " + duration(t)));
    out.println();
    if (report.findings().isEmpty()) {
      out.println("no findings");
    }
    for (Finding finding : report.findings()) {
      out.printf(
          "%-8s %-22s %s%s%n",
          finding.severity(),
          finding.code(),
          finding.message(),
          finding.where().isEmpty() ? "" : " (" + finding.where() + ")");
    }
  }

  private int printRedacted(byte[] head, PrintWriter out, PrintWriter err) {
    String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
    int blank = text.indexOf("\r\n\r\n");
    int lfBlank = text.indexOf("\n\n");
    int end = blank >= 0 ? blank + 2 : lfBlank >= 0 ? lfBlank + 1 : text.length();
    Redaction redaction =
        new HeaderRedactor(
                RedactionOptions.defaults()
                    .withKeptDomains(keepDomains.toArray(String[]::new))
                    .withFields(redactFields.toArray(String[]::new))
                    .withIpAddresses(redactIps))
            .redact(text.substring(0, end));
    out.print(redaction.text());
    out.flush();
    err.println(
        "hikyaku: "
            + redaction.replacements().size()
            + " values masked (kept here, not"
            + " in the output):");
    for (Redaction.Replacement r : redaction.replacements()) {
      err.printf("  %-12s %s -> %s%n", r.kind(), r.original(), r.token());
    }
    err.flush();
    return 0;
  }

  private static void printAuthentication(
      List<AuthenticationCheck.Recorded> recorded,
      Optional<AuthenticationCheck.Comparison> comparison,
      PrintWriter out) {
    out.println();
    out.println("Authentication results recorded (top field first)");
    if (recorded.isEmpty()) {
      out.println("  none");
    }
    for (AuthenticationCheck.Recorded r : recorded) {
      out.printf(
          "  %d %-30s %-6s %-10s %s%n",
          r.position(), r.authservId(), r.method(), r.result(), r.reason().orElse(""));
    }
    comparison.ifPresent(c -> {
      out.println();
      c.recheck()
          .ifPresent(now -> out.println("Re-check now:\n" + now.authenticationResultsField()));
      for (Finding finding : c.findings()) {
        out.printf("%-8s %-22s %s%n", finding.severity(), finding.code(), finding.message());
      }
      if (c.findings().isEmpty()) {
        out.println("the re-check agrees with what was recorded");
      }
    });
  }

  private static String bar(Optional<Duration> delay, long longest) {
    if (delay.isEmpty() || longest == 0 || delay.get().isNegative()) {
      return "";
    }
    int width = (int) Math.round(20.0 * delay.get().toSeconds() / longest);
    return "#".repeat(Math.max(width, delay.get().isZero() ? 0 : 1));
  }

  private static String cut(String text) {
    return text.length() <= 34 ? text : text.substring(0, 33) + "…";
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    String sign = s < 0 ? "-" : "";
    s = Math.abs(s);
    return s >= 3600
        ? String.format("%s%dh%02dm%02ds", sign, s / 3600, s % 3600 / 60, s % 60)
        : s >= 60 ? String.format("%s%dm%02ds", sign, s / 60, s % 60) : sign + s + "s";
  }

  private static Map<String, Object> toJson(HopReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(
        "hops",
        report.hops().stream()
            .map(h -> {
              ReceivedField r = h.received();
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("number", h.number());
              m.put("from", r.from().orElse(null));
              m.put("fromHostName", r.fromHostName().orElse(null));
              m.put("fromAddress", r.fromAddress().orElse(null));
              m.put("by", r.by().orElse(null));
              m.put("with", r.with().orElse(null));
              m.put("id", r.id().orElse(null));
              m.put("for", r.recipient().orElse(null));
              m.put("tlsVersion", r.tls().flatMap(t -> t.version()).orElse(null));
              m.put("tlsCipher", r.tls().flatMap(t -> t.cipher()).orElse(null));
              m.put("time", h.time().map(Object::toString).orElse(null));
              m.put("delaySeconds", h.delay().map(Duration::toSeconds).orElse(null));
              m.put("clockSkew", h.clockSkew());
              m.put("internetPath", h.internetPath());
              m.put("mta", r.mta().name());
              return m;
            })
            .toList());
    root.put("transitSeconds", report.transit().map(Duration::toSeconds).orElse(null));
    root.put("sinceDateSeconds", report.sinceDate().map(Duration::toSeconds).orElse(null));
    List<Map<String, Object>> findings =
        report.findings().stream()
            .map(f -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("severity", f.severity().name());
              m.put("code", f.code());
              m.put("message", f.message());
              m.put("where", f.where());
              return m;
            })
            .toList();
    root.put("findings", findings);
    return root;
  }
}
