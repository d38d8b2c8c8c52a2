package dev.hikyaku.diagnose.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Vacation and out-of-office answers are auto-replies, not bounces; other mail is neither. */
class AutoReplyTests {

  @Test
  void aJapaneseVacationReplyIsAnAutoReplyWithItsDecodedSubject() {
    BounceResult result = Samples.parse("vacation-ja.eml");

    assertThat(result).isInstanceOf(AutoReply.class);
    AutoReply reply = (AutoReply) result;
    assertThat(reply.signal()).isEqualTo("Auto-Submitted: auto-replied");
    assertThat(reply.subject()).contains("自動応答: 秋のキャンペーンのご案内");
    assertThat(reply.from().orElseThrow()).contains("<hanako@example.ne.jp>");
  }

  @Test
  void theIso2022JpSubjectAloneIsEnoughWithoutAutoSubmitted() {
    String message = Samples.text("vacation-ja.eml").replace("Auto-Submitted: auto-replied\n", "");

    AutoReply reply = (AutoReply) Samples.parseText(message);

    assertThat(reply.signal()).isEqualTo("subject: 自動応答");
  }

  @Test
  void xAutoreplyAndPrecedenceAutoReplyAreSignalsToo() {
    AutoReply xAutoreply =
        (AutoReply)
            Samples.parseText("From: a@example.net\nX-Autoreply: yes\nSubject: Re: hi\n\nAway.\n");
    AutoReply precedence =
        (AutoReply)
            Samples.parseText(
                "From: a@example.net\nPrecedence: auto_reply\nSubject: Re: hi\n\nAway.\n");
    AutoReply outlook =
        (AutoReply)
            Samples.parseText("From: a@example.net\nSubject: Automatic reply: autumn\n\nAway.\n");

    assertThat(xAutoreply.signal()).isEqualTo("X-Autoreply");
    assertThat(precedence.signal()).isEqualTo("Precedence: auto_reply");
    assertThat(outlook.signal()).isEqualTo("subject: automatic reply:");
  }

  @Test
  void autoSubmittedNoAndAPersonalAnswerAreNotABounce() {
    BounceResult result =
        Samples.parseText(
            "From: a@example.net\nAuto-Submitted: no\nSubject: Re: autumn campaign\n\nThanks!\n");

    assertThat(result).isEqualTo(new NotABounce(java.util.Optional.of("Re: autumn campaign")));
  }

  @Test
  void aDeliveryReportIsABounceEvenThoughItCarriesAutoSubmitted() {
    assertThat(Samples.parse("postfix-user-unknown.eml")).isInstanceOf(DeliveryStatusReport.class);
  }
}
