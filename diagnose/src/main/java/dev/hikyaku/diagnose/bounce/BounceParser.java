package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.Excerpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;

/**
 * Turns a message that arrived at the bounce address into a {@link BounceResult}: a delivery status
 * report, a feedback-loop complaint, an auto-reply, something else, or unparseable.
 *
 * <p>Structured reports are tried first — a feedback-report part (RFC 5965), then a delivery-status
 * part (RFC 3464, RFC 6533) — then the text bounces of known mail systems, then auto-reply signals.
 * Only the first {@link BounceLimits#maxMessageBytes()} bytes are read, so time and memory are
 * bounded whatever arrives. Instances are immutable and safe to share between threads.
 */
public final class BounceParser {

  private static final List<String> STATUS_TYPES =
      List.of("message/delivery-status", "message/global-delivery-status");
  private static final List<String> FEEDBACK_TYPES = List.of("message/feedback-report");
  // The returned message or its header (RFC 6522, RFC 3464 §2), and the internationalised forms
  // of RFC 6533 §6.3 and §6.4.
  private static final List<String> ORIGINAL_TYPES =
      List.of("message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers");

  private static final List<String> REPORT_TYPES =
      List.of("delivery-status", "global-delivery-status", "feedback-report");

  private static final List<TextBounceRecogniser> RECOGNISERS =
      List.of(
          new QmailRecogniser(),
          new YahooRecogniser(),
          new EximRecogniser(),
          new SendmailRecogniser(),
          new PostfixTextRecogniser(),
          new ExchangeRecogniser(),
          new AuRecogniser());

  private final BounceLimits limits;

  /** A parser with {@link BounceLimits#DEFAULTS}. */
  public BounceParser() {
    this(BounceLimits.DEFAULTS);
  }

  /** A parser reading within {@code limits}. */
  public BounceParser(BounceLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads at most the byte limit from {@code message} and parses it; the stream is not closed and
   * what lies past the limit is left unread.
   *
   * @throws UncheckedIOException if the stream fails: an infrastructure fault, not bad input
   */
  public BounceResult parse(InputStream message) {
    Objects.requireNonNull(message, "message");
    byte[] bytes;
    try {
      bytes = message.readNBytes(limits.maxMessageBytes() + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the message", e);
    }
    return parse(bytes);
  }

  /** Parses {@code message}, of which only the byte limit is read; never throws for bad input. */
  public BounceResult parse(byte[] message) {
    Objects.requireNonNull(message, "message");
    if (message.length == 0) {
      return new Unparseable("empty message");
    }
    Problems problems = new Problems();
    byte[] bytes = message;
    if (message.length > limits.maxMessageBytes()) {
      bytes = Arrays.copyOf(message, limits.maxMessageBytes());
      problems.add(
          "message longer than " + limits.maxMessageBytes() + " bytes; the rest was not read");
    }
    MimeTree.Parsed parsed;
    try {
      parsed = MimeTree.parse(bytes);
    } catch (MimeException | IOException e) {
      return new Unparseable(
          "MIME structure unreadable: " + Excerpt.of(String.valueOf(e.getMessage()), 200));
    }
    MimeNode root = parsed.root();
    if (root.fields().isEmpty()) {
      return new Unparseable("no header fields: not a mail message");
    }
    parsed.warnings().forEach(w -> problems.add("MIME: " + w));
    return classify(root, problems);
  }

  private BounceResult classify(MimeNode root, Problems problems) {
    Optional<OriginalMessage> original = root.first(ORIGINAL_TYPES).flatMap(this::original);
    Optional<MimeNode> feedback = root.first(FEEDBACK_TYPES);
    if (feedback.isPresent()) {
      return FeedbackReportReader.read(utf8(feedback.get()), original, problems);
    }
    Optional<MimeNode> status = root.first(STATUS_TYPES);
    if (status.isPresent()) {
      Optional<DeliveryStatusReport> report =
          DeliveryStatusReader.read(utf8(status.get()), false, original, problems, limits);
      if (report.isPresent()) {
        return report.get();
      }
      problems.add("the delivery-status part names no readable recipient");
    } else if (root.isBrokenMultipart()) {
      problems.add(
          "Content-Type " + root.declaredType() + " without a usable boundary (RFC 2046 §5.1.1)");
      Optional<DeliveryStatusReport> salvaged = salvage(root, problems);
      if (salvaged.isPresent()) {
        return salvaged.get();
      }
    }
    TextBounce text = TextBounce.of(root, original, limits);
    for (TextBounceRecogniser recogniser : RECOGNISERS) {
      // Each attempt notes into its own copy: a recogniser that gives up leaves no problems.
      Optional<DeliveryStatusReport> report = recogniser.recognise(text, problems.copy());
      if (report.isPresent()) {
        return report.get();
      }
    }
    Optional<String> reportType =
        root.first(List.of("multipart/report"))
            .flatMap(r -> r.parameter("report-type"))
            .map(type -> type.toLowerCase(Locale.ROOT));
    if (status.isPresent() || reportType.filter(REPORT_TYPES::contains).isPresent()) {
      return new Unparseable(
          "delivery or feedback report without a readable recipient or report part: "
              + Excerpt.of(String.join("; ", problems.list()), 400));
    }
    Optional<AutoReply> autoReply = AutoReplyDetector.detect(root);
    if (autoReply.isPresent()) {
      return autoReply.get();
    }
    if (root.isBrokenMultipart()) {
      return new Unparseable(
          root.declaredType()
              + " without a usable boundary and no recognisable report in its text");
    }
    return new NotABounce(root.decodedHeader("Subject").map(String::strip));
  }

  /**
   * Reads status fields from the raw text of a multipart whose parts could not be split, starting
   * at the first Reporting-MTA or Final-Recipient line and stopping at the next boundary-like line.
   */
  private Optional<DeliveryStatusReport> salvage(MimeNode root, Problems problems) {
    String text = root.text(limits.maxMessageBytes());
    int start = fieldLine(text, "Reporting-MTA:");
    if (start < 0) {
      start = fieldLine(text, "Final-Recipient:");
    }
    if (start < 0) {
      return Optional.empty();
    }
    problems.add("status fields read from the raw text");
    return DeliveryStatusReader.read(
        text.substring(start), true, Optional.empty(), problems, limits);
  }

  private static int fieldLine(String text, String name) {
    int from = 0;
    while (true) {
      int at = indexOfIgnoreCase(text, name, from);
      if (at < 0 || at == 0 || text.charAt(at - 1) == '\n') {
        return at;
      }
      from = at + 1;
    }
  }

  private static int indexOfIgnoreCase(String text, String needle, int from) {
    for (int i = from; i <= text.length() - needle.length(); i++) {
      if (text.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private Optional<OriginalMessage> original(MimeNode node) {
    return OriginalMessage.read(node.body(), limits.maxOriginalHeaderBytes());
  }

  /** RFC 6533 §6.2: the global form is UTF-8; the ASCII of RFC 3464 reads the same way. */
  private static String utf8(MimeNode node) {
    return new String(node.body(), StandardCharsets.UTF_8);
  }
}
