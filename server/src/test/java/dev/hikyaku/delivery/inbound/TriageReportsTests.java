package dev.hikyaku.delivery.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.diagnose.bounce.BounceParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What each kind of received message does to its delivery. */
class TriageReportsTests {

  private static final String TOKEN = "abcdefghij0123456789klmnop";
  private static final InboundRecipient BOUNCE =
      new InboundRecipient.Bounce(TOKEN, "bounces.example.jp");
  private static final InboundRecipient UNSUBSCRIBE =
      new InboundRecipient.Unsubscribe(TOKEN, "bounces.example.jp");

  private final TriageReports triage = new TriageReports(new BounceParser());

  static byte[] sample(String name) {
    try (InputStream in = TriageReportsTests.class.getResourceAsStream("/bounces/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aHardFailureShouldBounceTheDeliveryAndRecordTheReport() {
    Triage t = triage.triage(BOUNCE, sample("postfix-user-unknown.eml"));

    assertThat(t.verdict()).isEqualTo(Verdict.HARD_BOUNCE);
    assertThat(t.summary()).startsWith("failed 5.1.1 HARD: ").contains("550 5.1.1");
    assertThat(t.effects())
        .first()
        .isInstanceOfSatisfying(
            IntakeEffect.Record.class,
            r -> {
              assertThat(r.outcome()).isEqualTo("BOUNCED");
              assertThat(r.code()).isEqualTo(550);
              assertThat(r.enhanced()).isEqualTo("5.1.1");
              assertThat(r.reply()).contains("Recipient address");
            });
    assertThat(t.effects())
        .filteredOn(IntakeEffect.Bounce.class::isInstance)
        .singleElement()
        .isInstanceOfSatisfying(
            IntakeEffect.Bounce.class, b -> assertThat(b.code()).isEqualTo(550));
  }

  @Test
  void aDelayWarningShouldOnlyBeRecorded() {
    Triage t = triage.triage(BOUNCE, sample("postfix-delayed.eml"));

    assertThat(t.verdict()).isEqualTo(Verdict.DELAYED);
    assertThat(t.effects())
        .singleElement()
        .isInstanceOfSatisfying(
            IntakeEffect.Record.class,
            r -> {
              assertThat(r.outcome()).isEqualTo("DELAYED");
              assertThat(r.enhanced()).isEqualTo("4.7.1");
            });
  }

  @Test
  void aPolicyRefusalShouldBeRecordedWithoutSuppressingTheAddress() {
    Triage t = triage.triage(BOUNCE, sample("postfix-spam-block.eml"));

    assertThat(t.verdict()).isEqualTo(Verdict.SOFT_BOUNCE);
    assertThat(t.summary()).contains("5.7.1 POLICY");
    assertThat(t.effects())
        .singleElement()
        .isInstanceOfSatisfying(
            IntakeEffect.Record.class, r -> assertThat(r.outcome()).isEqualTo("FAILED"));
  }

  @Test
  void anAbuseReportShouldSuppressAsComplained() {
    Triage t = triage.triage(BOUNCE, sample("arf-abuse.eml"));

    assertThat(t.verdict()).isEqualTo(Verdict.COMPLAINT);
    assertThat(t.effects())
        .filteredOn(IntakeEffect.Complaint.class::isInstance)
        .singleElement()
        .isEqualTo(new IntakeEffect.Complaint("abuse"));
  }

  @Test
  void aNotSpamReportShouldBeRecordedButSuppressNobody() {
    String report =
        new String(sample("arf-abuse.eml"), StandardCharsets.UTF_8)
            .replace("Feedback-Type: abuse", "Feedback-Type: not-spam");

    Triage t = triage.triage(BOUNCE, report.getBytes(StandardCharsets.UTF_8));

    assertThat(t.verdict()).isEqualTo(Verdict.FEEDBACK);
    assertThat(t.effects()).noneMatch(IntakeEffect.Complaint.class::isInstance);
  }

  @Test
  void anAutoReplyShouldChangeNothing() {
    Triage t = triage.triage(BOUNCE, sample("vacation-ja.eml"));

    assertThat(t.verdict()).isEqualTo(Verdict.AUTO_REPLY);
    assertThat(t.effects()).isEmpty();
  }

  @Test
  void aPersonalAnswerShouldChangeNothing() {
    byte[] mail =
        "From: someone@example.org\r\nSubject: Re: news\r\n\r\nThanks!\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    Triage t = triage.triage(BOUNCE, mail);

    assertThat(t.verdict()).isEqualTo(Verdict.OTHER);
    assertThat(t.summary()).isEqualTo("not a report: Re: news");
    assertThat(t.effects()).isEmpty();
  }

  @Test
  void garbageShouldBeKeptAsUnparseableNotThrown() {
    Triage t = triage.triage(BOUNCE, new byte[] {0, 1, 2, '\n', '\n'});

    assertThat(t.verdict()).isEqualTo(Verdict.UNPARSEABLE);
    assertThat(t.effects()).isEmpty();
  }

  @Test
  void mailToTheUnsubscribeAddressShouldUnsubscribeWhateverItSays() {
    Triage t = triage.triage(UNSUBSCRIBE, sample("postfix-user-unknown.eml"));

    assertThat(t.verdict()).isEqualTo(Verdict.UNSUBSCRIBE);
    assertThat(t.effects()).anyMatch(IntakeEffect.Unsubscribe.class::isInstance);
    assertThat(t.effects()).noneMatch(IntakeEffect.Bounce.class::isInstance);
  }
}
