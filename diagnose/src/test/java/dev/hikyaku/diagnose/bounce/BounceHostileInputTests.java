package dev.hikyaku.diagnose.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Truncated, broken, binary, huge and deeply nested messages give Unparseable or a partial report
 * with problems, never an exception. The timeout only guards the build against a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BounceHostileInputTests {

  private static final String POSTFIX = Samples.text("postfix-user-unknown.eml");

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aReportCutInsideTheStatusPartKeepsTheRecipientReadBeforeTheCut() {
    String cut = POSTFIX.substring(0, POSTFIX.indexOf("Remote-MTA:"));

    BounceResult result = Samples.PARSER.parse(bytes(cut));

    assertThat(result).isInstanceOf(DeliveryStatusReport.class);
    DeliveryStatusReport report = (DeliveryStatusReport) result;
    assertThat(report.recipients().getFirst().recipient()).isEqualTo("taro.yamada@example.net");
    assertThat(report.recipients().getFirst().bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(report.original()).isEmpty();
    assertThat(report.problems()).anyMatch(p -> p.startsWith("MIME: "));
  }

  @Test
  void aReportCutBeforeAnyRecipientFallsBackToTheHumanReadableText() {
    String cut = POSTFIX.substring(0, POSTFIX.indexOf("Final-Recipient:"));

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.PARSER.parse(bytes(cut));

    assertThat(report.format()).isEqualTo(BounceFormat.POSTFIX);
    assertThat(report.recipients().getFirst().recipient()).isEqualTo("taro.yamada@example.net");
    assertThat(report.problems()).anyMatch(p -> p.contains("names no readable recipient"));
  }

  @Test
  void aReportCutBeforeItsPartsIsUnparseable() {
    String message =
        "From: MAILER-DAEMON@mx.example.jp\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
            + "--b\nContent-Type: message/deliv";

    BounceResult result = Samples.PARSER.parse(bytes(message));

    assertThat(result).isInstanceOf(Unparseable.class);
    assertThat(((Unparseable) result).reason()).contains("without a readable recipient");
  }

  @Test
  void aMultipartWithoutItsBoundaryIsSalvagedFromTheRawText() {
    String broken = POSTFIX.replace("\n\tboundary=\"4c1Q8Z0pQrz9sS.1795395604/mx.example.jp\"", "");

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.PARSER.parse(bytes(broken));

    assertThat(report.recipients())
        .singleElement()
        .satisfies(r -> assertThat(r.recipient()).isEqualTo("taro.yamada@example.net"));
    assertThat(report.reportingMta()).contains(new TypedValue("dns", "mx.example.jp"));
    assertThat(report.problems())
        .anyMatch(p -> p.contains("without a usable boundary"))
        .anyMatch(p -> p.contains("read from the raw text"));
  }

  @Test
  void aMultipartWithoutItsBoundaryAndWithoutStatusFieldsIsUnparseable() {
    String message =
        "From: a@example.net\nContent-Type: multipart/mixed\n\n--x\nContent-Type: text/plain\n\nhello\n--x--\n";

    BounceResult result = Samples.PARSER.parse(bytes(message));

    assertThat(result).isInstanceOf(Unparseable.class);
    assertThat(((Unparseable) result).reason()).contains("without a usable boundary");
  }

  @Test
  void randomBinaryIsUnparseableOrNotABounce() {
    Random random = new Random(20261123);
    for (int i = 0; i < 50; i++) {
      byte[] garbage = new byte[1 + random.nextInt(200_000)];
      random.nextBytes(garbage);

      BounceResult result = Samples.PARSER.parse(garbage);

      assertThat(result).isInstanceOfAny(Unparseable.class, NotABounce.class, AutoReply.class);
    }
  }

  @Test
  void eightBitGarbageInsideTheStatusPartIsCountedAndTheRecipientStillRead() {
    byte[] prefix =
        bytes(
            "From: MAILER-DAEMON@mx.example.jp\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
                + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n");
    byte[] garbage = new byte[300];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i % 7 == 6 ? '\n' : 0x80 + i % 120);
    }
    byte[] suffix =
        bytes("\nFinal-Recipient: rfc822; x@example.net\nAction: failed\nStatus: 5.1.1\n--b--\n");
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.writeBytes(prefix);
    message.writeBytes(garbage);
    message.writeBytes(suffix);

    DeliveryStatusReport report =
        (DeliveryStatusReport) Samples.PARSER.parse(message.toByteArray());

    assertThat(report.recipients())
        .extracting(RecipientStatus::recipient)
        .contains("x@example.net");
    assertThat(report.problems())
        .anyMatch(p -> p.contains("lines in the status part are not fields"));
  }

  @Test
  void aFiftyMegabyteMessageIsReadOnlyUpToTheLimit() {
    byte[] head = bytes(POSTFIX.substring(0, POSTFIX.lastIndexOf("--4c1Q8Z0pQrz9sS")));
    byte[] huge = Arrays.copyOf(head, 50 * 1024 * 1024);
    Arrays.fill(huge, head.length, huge.length, (byte) 'A');

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.PARSER.parse(huge);

    assertThat(report.recipients().getFirst().suppresses()).isTrue();
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("q7Yx2Lm9-AbC_1");
    assertThat(report.problems()).anyMatch(p -> p.contains("the rest was not read"));
  }

  @Test
  void aStreamIsReadNoFurtherThanTheLimit() {
    CountingStream endless = new CountingStream(bytes(POSTFIX));

    BounceResult result = Samples.PARSER.parse(endless);

    assertThat(result).isInstanceOf(DeliveryStatusReport.class);
    assertThat(endless.read).isEqualTo(BounceLimits.DEFAULTS.maxMessageBytes() + 1L);
  }

  @Test
  void emptyAndHeaderlessInputIsUnparseable() {
    assertThat(Samples.PARSER.parse(new byte[0])).isEqualTo(new Unparseable("empty message"));
    assertThat(Samples.PARSER.parse(bytes("\n\nno header at all\n")))
        .isInstanceOf(Unparseable.class);
  }

  @Test
  void thousandsOfNestedMessagesAndMultipartsDoNotOverflowTheStack() {
    StringBuilder rfc822 = new StringBuilder("From: a@example.net\n");
    while (rfc822.length() < 1_000_000) {
      rfc822.append("Content-Type: message/rfc822\n\n");
    }
    StringBuilder multipart = new StringBuilder("From: a@example.net\n");
    while (multipart.length() < 1_000_000) {
      multipart.append("Content-Type: multipart/mixed; boundary=a\n\n--a\n");
    }

    assertThat(Samples.PARSER.parse(bytes(rfc822.toString()))).isNotNull();
    BounceResult nested = Samples.PARSER.parse(bytes(multipart.toString()));
    assertThat(nested).isInstanceOfAny(NotABounce.class, Unparseable.class);
  }

  @Test
  void aOneMegabyteHeaderLineIsRead() {
    String message = "From: a@example.net\nSubject: " + "x".repeat(1_000_000) + "\n\nbody\n";

    BounceResult result = Samples.PARSER.parse(bytes(message));

    assertThat(result).isInstanceOf(NotABounce.class);
  }

  @Test
  void recipientsPastTheLimitAreCountedNotKept() {
    StringBuilder status = new StringBuilder("Reporting-MTA: dns; mx.example.jp\n");
    for (int i = 0; i < 5_000; i++) {
      status
          .append("\nFinal-Recipient: rfc822; r")
          .append(i)
          .append("@example.net\nAction: failed\nStatus: 5.1.1\n");
    }
    String message =
        "From: MAILER-DAEMON@mx.example.jp\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
            + "--b\nContent-Type: message/delivery-status\n\n"
            + status
            + "--b--\n";
    BounceParser parser = new BounceParser(new BounceLimits(1 << 20, 10, 65_536, 65_536));

    DeliveryStatusReport report = (DeliveryStatusReport) parser.parse(bytes(message));

    assertThat(report.recipients()).hasSize(10);
    assertThat(report.problems())
        .anyMatch(p -> p.startsWith("4990 more recipient groups not read"));
  }

  /** A stream of {@code head} followed by endless 'A's, counting what was read. */
  private static final class CountingStream extends InputStream {
    private final byte[] head;
    long read;

    CountingStream(byte[] head) {
      this.head = head;
    }

    @Override
    public int read() {
      int next = read < head.length ? head[(int) read] & 0xff : 'A';
      read++;
      return next;
    }
  }
}
