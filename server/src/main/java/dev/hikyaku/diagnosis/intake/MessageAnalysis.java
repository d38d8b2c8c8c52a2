package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.bounce.BounceParser;
import dev.hikyaku.diagnose.bounce.BounceResult;
import dev.hikyaku.diagnose.bounce.DeliveryStatusReport;
import dev.hikyaku.diagnose.bounce.RecipientStatus;
import dev.hikyaku.diagnose.encoding.EncodingAnalyzer;
import dev.hikyaku.diagnose.encoding.EncodingFinding;
import dev.hikyaku.diagnose.encoding.EncodingReport;
import dev.hikyaku.diagnose.headers.AuthenticationCheck;
import dev.hikyaku.diagnose.headers.Finding;
import dev.hikyaku.diagnose.headers.HopAnalyzer;
import dev.hikyaku.diagnose.headers.HopReport;
import dev.hikyaku.diagnose.headers.SpamVerdicts;
import dev.hikyaku.diagnose.logs.Dsn;
import dev.hikyaku.mailauth.message.HeaderBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the diagnose library's analyzers over an attached message: hops and their findings
 * (HopAnalyzer), the recorded authentication verdicts, spam verdicts, the delivery report if it is
 * a bounce (BounceParser), and the encoding diagnosis (EncodingAnalyzer), which streams the whole
 * file. Only the header block and the delivery report's first megabyte are held in memory.
 */
final class MessageAnalysis {

  /** Encoding findings that say the declared charset does not fit the bytes, or is missing. */
  private static final Set<String> CHARSET_MISMATCH =
      Set.of(
          "header.charset-mismatch",
          "body.charset-mismatch",
          "body.charset-missing",
          "header.raw-8bit",
          "header.raw-iso-2022-jp",
          "header.charset-unknown",
          "body.charset-unknown");

  /** Recorded results that mean a check did not pass (RFC 8601 §2.7). */
  private static final Set<String> FAILED = Set.of("fail", "softfail", "permerror", "temperror");

  private final Clock clock;

  MessageAnalysis(Clock clock) {
    this.clock = clock;
  }

  /** The facts of {@code upload}, which {@link MessageHead#check} has accepted. */
  MessageFacts analyze(Upload upload, byte[] head) {
    HopReport hops = new HopAnalyzer(clock).analyze(head);
    HeaderBlock headers = HeaderBlock.read(head, HopAnalyzer.MAX_HEADER_BYTES);
    List<ReportFinding> findings = new ArrayList<>();
    for (Finding f : hops.findings()) {
      findings.add(finding("headers", f));
    }
    List<AuthenticationCheck.Recorded> recorded = AuthenticationCheck.recorded(headers);
    for (AuthenticationCheck.Recorded r : recorded) {
      if (FAILED.contains(r.result())) {
        findings.add(
            new ReportFinding(
                "authentication",
                "WARNING",
                "auth.failed",
                r.method()
                    + "="
                    + r.result()
                    + " recorded by "
                    + r.authservId()
                    + r.reason().map(x -> " (" + x + ")").orElse(""),
                r.field()));
      }
    }
    DeliveryStatusReport bounce = bounce(upload);
    List<String> bounceCodes = new ArrayList<>();
    Set<String> targets = new LinkedHashSet<>();
    headers.values("Message-ID").stream().findFirst().map(String::strip).ifPresent(targets::add);
    if (bounce != null) {
      bounce.original().flatMap(o -> o.messageId()).ifPresent(targets::add);
      for (RecipientStatus r : bounce.failed()) {
        targets.add(r.recipient());
        r.status().map(Dsn::toString).ifPresent(bounceCodes::add);
        findings.add(
            new ReportFinding(
                "bounce",
                "PROBLEM",
                "bounce.failed",
                r.recipient()
                    + ": "
                    + r.status().map(Dsn::toString).orElse("no status")
                    + r.diagnosticCode().map(d -> " (" + d.text() + ")").orElse(""),
                "delivery report"));
      }
    }
    EncodingReport encoding = encoding(upload);
    List<String> charsetProblems = new ArrayList<>();
    for (EncodingFinding f : encoding.findings()) {
      findings.add(finding("encoding", f.toFinding()));
      if (CHARSET_MISMATCH.contains(f.code()) && !charsetProblems.contains(f.code())) {
        charsetProblems.add(f.code());
      }
    }
    MessageSection section =
        MessageSections.of(
            upload.name(),
            head,
            headers,
            hops,
            recorded,
            SpamVerdicts.read(headers),
            bounce,
            encoding);
    InternalDelay internal = internalDelay(hops);
    return new MessageFacts(
        section,
        findings,
        bounceCodes,
        internal.seconds(),
        internal.hop(),
        charsetProblems,
        List.copyOf(targets));
  }

  /** The longest delay inside the sender's organisation, in seconds, and the hop it was at. */
  private record InternalDelay(long seconds, int hop) {}

  /** The longest delay up to and including the first external hop. */
  private static InternalDelay internalDelay(HopReport hops) {
    if (hops.firstExternalHop().isEmpty()) {
      return new InternalDelay(0, 0);
    }
    int external = hops.firstExternalHop().getAsInt();
    long longest = 0;
    int at = 0;
    for (var hop : hops.hops()) {
      long seconds = hop.delay().map(Duration::toSeconds).orElse(0L);
      if (hop.number() <= external && seconds > longest) {
        longest = seconds;
        at = hop.number();
      }
    }
    return new InternalDelay(longest, at);
  }

  private static DeliveryStatusReport bounce(Upload upload) {
    try (InputStream in = upload.open()) {
      BounceResult result = new BounceParser().parse(in);
      return result instanceof DeliveryStatusReport report ? report : null;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the attached message", e);
    }
  }

  private static EncodingReport encoding(Upload upload) {
    try (InputStream in = upload.open()) {
      return new EncodingAnalyzer().analyze(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the attached message", e);
    }
  }

  private static ReportFinding finding(String source, Finding f) {
    return new ReportFinding(source, f.severity().name(), f.code(), f.message(), f.where());
  }
}
