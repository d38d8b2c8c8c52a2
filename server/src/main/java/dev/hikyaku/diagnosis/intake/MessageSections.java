package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.bounce.DeliveryStatusReport;
import dev.hikyaku.diagnose.bounce.RecipientStatus;
import dev.hikyaku.diagnose.encoding.EncodingReport;
import dev.hikyaku.diagnose.encoding.HeaderText;
import dev.hikyaku.diagnose.encoding.PartText;
import dev.hikyaku.diagnose.headers.AuthenticationCheck;
import dev.hikyaku.diagnose.headers.Hop;
import dev.hikyaku.diagnose.headers.HopReport;
import dev.hikyaku.diagnose.headers.ReceivedField;
import dev.hikyaku.diagnose.headers.SpamVerdicts;
import dev.hikyaku.diagnose.headers.TlsInfo;
import dev.hikyaku.diagnose.logs.Dsn;
import dev.hikyaku.diagnosis.intake.MessageSection.AuthRow;
import dev.hikyaku.diagnosis.intake.MessageSection.BounceRow;
import dev.hikyaku.diagnosis.intake.MessageSection.HopRow;
import dev.hikyaku.diagnosis.intake.MessageSection.PartRow;
import dev.hikyaku.diagnosis.intake.MessageSection.SpamRow;
import dev.hikyaku.mailauth.message.HeaderBlock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** Turns the analyzers' typed results into the report's plain rows. */
final class MessageSections {

  private MessageSections() {}

  static MessageSection of(
      String source,
      byte[] head,
      HeaderBlock headers,
      HopReport hops,
      List<AuthenticationCheck.Recorded> recorded,
      List<SpamVerdicts.Verdict> spam,
      DeliveryStatusReport bounce,
      EncodingReport encoding) {
    return new MessageSection(
        true,
        source,
        subject(headers, encoding),
        first(headers, "From"),
        first(headers, "Message-ID"),
        hops.date().map(OffsetDateTime::toString).orElse(""),
        hops.hops().stream().map(MessageSections::hop).toList(),
        hops.transit().map(Duration::toSeconds).orElse(-1L),
        hops.firstExternalHop().orElse(0),
        recorded.stream()
            .map(r -> new AuthRow(r.authservId(), r.method(), r.result(), r.reason().orElse("")))
            .toList(),
        spam.stream().map(v -> new SpamRow(v.filter(), v.spam(), v.explanation())).toList(),
        bounce == null
            ? List.of()
            : bounce.recipients().stream().map(MessageSections::bounce).toList(),
        encoding.parts().stream().map(MessageSections::part).toList(),
        MessageHead.headerBlock(head, MessageSection.MAX_HEADER_BLOCK));
  }

  private static HopRow hop(Hop hop) {
    ReceivedField r = hop.received();
    String from =
        r.fromHostName().or(r::from).orElse("")
            + r.fromAddress().map(a -> " [" + a + "]").orElse("");
    String tls = r.tls().map(MessageSections::tls).orElse("");
    return new HopRow(
        hop.number(),
        from.strip(),
        r.by().orElse(""),
        r.with().orElse(""),
        tls,
        hop.time().map(OffsetDateTime::toString).orElse(""),
        hop.delay().map(Duration::toSeconds).orElse(-1L),
        hop.clockSkew(),
        hop.internetPath());
  }

  private static BounceRow bounce(RecipientStatus r) {
    return new BounceRow(
        r.recipient(),
        r.action().name().toLowerCase(Locale.ROOT),
        r.status().map(Dsn::toString).orElse(""),
        r.diagnosticCode().map(d -> d.text()).orElse(""),
        r.remoteMta().map(v -> v.value()).orElse(""),
        r.bounceClass().name());
  }

  private static PartRow part(PartText p) {
    return new PartRow(
        p.where(),
        p.contentType(),
        p.declaredCharset().orElse(""),
        p.detectedCharsetName(),
        p.transferEncoding().orElse(""));
  }

  /** The decoded Subject, as the encoding analysis read it, or the field as written. */
  private static String subject(HeaderBlock headers, EncodingReport encoding) {
    return encoding.headers().stream()
        .filter(h -> h.where().equalsIgnoreCase("Subject"))
        .map(HeaderText::decoded)
        .findFirst()
        .orElse(first(headers, "Subject"));
  }

  private static String first(HeaderBlock headers, String name) {
    return headers.values(name).stream().findFirst().map(String::strip).orElse("");
  }

  private static String tls(TlsInfo info) {
    return (info.version().orElse("") + " " + info.cipher().orElse("")).strip();
  }
}
