package dev.hikyaku.campaigns.render;

import static dev.hikyaku.campaigns.render.Messages.COMPOSER;
import static dev.hikyaku.campaigns.render.Messages.assertWellFormed;
import static dev.hikyaku.campaigns.render.Messages.bytes;
import static dev.hikyaku.campaigns.render.Messages.headerFields;
import static dev.hikyaku.campaigns.render.Messages.newsletter;
import static dev.hikyaku.campaigns.render.Messages.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Structure, headers and byte-level rules of composed messages. */
class MessageComposerTests {

  private static CampaignMessage.Builder plain() {
    return CampaignMessage.builder(
            Mailbox.of("news@example.jp", "News"),
            Mailbox.of("a@example.com", null),
            new MessageId("<m1@example.jp>"))
        .subject("Hello")
        .textBody("Hello world\n");
  }

  @Test
  void textOnlyMessageShouldBeASinglePartWithTheHeadersInOrder() {
    String message = text(COMPOSER.compose(plain().build()));
    assertThat(message)
        .isEqualTo(
            "Date: Thu, 15 Jan 2026 10:02:03 +0900\r\n"
                + "From: News <news@example.jp>\r\n"
                + "To: a@example.com\r\n"
                + "Subject: Hello\r\n"
                + "Message-ID: <m1@example.jp>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n"
                + "Hello world\r\n");
  }

  @Test
  void dateShouldComeFromTheInjectedClockInItsZone() {
    Clock utc = Clock.fixed(Instant.parse("2026-03-01T23:59:59Z"), ZoneOffset.UTC);
    String message = text(new MessageComposer(utc).compose(plain().build()));
    assertThat(message).startsWith("Date: Sun, 1 Mar 2026 23:59:59 +0000\r\n");
  }

  @Test
  void textAndHtmlShouldBeMultipartAlternativeAndAttachmentsMixedAroundIt() {
    Attachment pdf = Attachment.of("案内.pdf", "application/pdf", new byte[] {1, 2, 3});
    String alternative = text(COMPOSER.compose(newsletter(MessageCharset.UTF_8).build()));
    assertThat(alternative).contains("Content-Type: multipart/alternative;\r\n boundary=\"=_hk");
    assertThat(alternative).doesNotContain("multipart/mixed");
    String mixed = text(COMPOSER.compose(newsletter(MessageCharset.UTF_8).attachment(pdf).build()));
    assertThat(mixed.indexOf("multipart/mixed")).isLessThan(mixed.indexOf("multipart/alternative"));
    assertThat(mixed.indexOf("text/plain")).isLessThan(mixed.indexOf("text/html"));
    assertThat(mixed.indexOf("text/html")).isLessThan(mixed.indexOf("application/pdf"));
  }

  @ParameterizedTest
  @EnumSource(MessageCharset.class)
  void sameInputShouldGiveTheSameBytes(MessageCharset charset) {
    Attachment file =
        Attachment.of("データ.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
    byte[] first = bytes(COMPOSER.compose(newsletter(charset).attachment(file).build()));
    byte[] second = bytes(COMPOSER.compose(newsletter(charset).attachment(file).build()));
    assertThat(second).isEqualTo(first);
    assertWellFormed(first);
    byte[] otherSeed =
        bytes(COMPOSER.compose(newsletter(charset).attachment(file).boundarySeed(43).build()));
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void messageShouldHaveExactlyOneToAndNeverCcOrBcc() {
    CampaignMessage message = newsletter(MessageCharset.UTF_8).build();
    List<String> fields = headerFields(bytes(COMPOSER.compose(message)));
    assertThat(fields.stream().filter(f -> f.startsWith("To:"))).hasSize(1);
    assertThat(fields).noneMatch(f -> f.regionMatches(true, 0, "Cc:", 0, 3));
    assertThat(fields).noneMatch(f -> f.regionMatches(true, 0, "Bcc:", 0, 4));
  }

  @Test
  void crlfInADisplayNameShouldNotInjectAHeader() {
    CampaignMessage message =
        CampaignMessage.builder(
                Mailbox.of("news@example.jp", "News\r\nBcc: victim@example.org"),
                Mailbox.of("a@example.com", "Eve\r\nCc: other@example.org\r\n\r\nbody"),
                new MessageId("m2@example.jp"))
            .subject("Hi\r\nBcc: victim@example.org")
            .textBody("x")
            .header(new ExtraHeader("X-Note", "a\r\nBcc: victim@example.org"))
            .build();
    byte[] bytes = bytes(COMPOSER.compose(message));
    assertWellFormed(bytes);
    List<String> fields = headerFields(bytes);
    assertThat(fields).noneMatch(f -> f.startsWith("Bcc") || f.startsWith("Cc"));
    assertThat(fields)
        .contains(
            "From: \"News Bcc: victim@example.org\" <news@example.jp>",
            "To: \"Eve Cc: other@example.org body\" <a@example.com>",
            "Subject: Hi Bcc: victim@example.org",
            "X-Note: a Bcc: victim@example.org");
  }

  @Test
  void listHeadersShouldFollowRfc2369Rfc2919AndRfc8058() {
    List<String> fields =
        headerFields(bytes(COMPOSER.compose(newsletter(MessageCharset.UTF_8).build())));
    assertThat(fields)
        .contains(
            "List-Unsubscribe: <https://example.jp/u/abc123>,"
                + " <mailto:unsubscribe@example.jp?subject=abc123>",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            "X-Campaign-Id: c42",
            "Message-ID: <c42.r7@example.jp>");
    assertThat(fields)
        .anyMatch(f -> f.startsWith("List-Id: =?UTF-8?B?") && f.endsWith(" <news.example.jp>"));
  }

  @Test
  void unbrokenLineOf5000CharactersShouldStillGiveLinesOfAtMost998() {
    String longAscii = "x".repeat(5000);
    String longJapanese = "あ".repeat(5000);
    for (MessageCharset charset : MessageCharset.values()) {
      for (String line : List.of(longAscii, longJapanese)) {
        CampaignMessage message =
            plain()
                .charset(charset)
                .textBody("start\n" + line + "\nend")
                .htmlBody("<p>" + line + "</p>")
                .subject(line.substring(0, 300))
                .build();
        assertWellFormed(bytes(COMPOSER.compose(message)));
      }
    }
  }

  @Test
  void transferEncodingShouldFollowTheContent() {
    assertThat(text(COMPOSER.compose(plain().textBody("Price: 100 € only").build())))
        .contains(
            "Content-Transfer-Encoding: quoted-printable\r\n\r\nPrice: 100 =E2=82=AC only\r\n");
    assertThat(text(COMPOSER.compose(plain().textBody("すべて日本語の本文です。").build())))
        .contains("Content-Transfer-Encoding: base64\r\n");
    String jis =
        text(
            COMPOSER.compose(
                plain().charset(MessageCharset.ISO_2022_JP).textBody("日本語\nline2").build()));
    assertThat(jis)
        .contains(
            "Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n")
        .endsWith("\r\n\r\n\u001B$BF|K\\8l\u001B(B\r\nline2\r\n");
    String longJis =
        text(
            COMPOSER.compose(
                plain().charset(MessageCharset.ISO_2022_JP).textBody("あ".repeat(600)).build()));
    assertThat(longJis).contains("Content-Transfer-Encoding: base64\r\n");
  }

  @Test
  void jisBodyLinesShouldEachEndInAscii() {
    byte[] message =
        bytes(
            COMPOSER.compose(
                newsletter(MessageCharset.ISO_2022_JP)
                    .htmlBody(null)
                    .textBody("一行目\n二行目 and ASCII\n三行目～")
                    .build()));
    String text = new String(message, StandardCharsets.US_ASCII);
    String body = text.substring(text.indexOf("\r\n\r\n") + 4);
    for (String line : body.split("\r\n")) {
      int lastEscape = line.lastIndexOf('\u001B');
      if (lastEscape >= 0) {
        assertThat(line.substring(lastEscape)).startsWith("\u001B(B");
      }
    }
  }

  @Test
  void unmappableCharactersShouldBeReportedWithWhereTheyAreAndNothingComposed() {
    Attachment file = Attachment.of("髙橋様①.pdf", "application/pdf", new byte[1]);
    CampaignMessage message =
        newsletter(MessageCharset.ISO_2022_JP)
            .subject("㈱飛脚より")
            .textBody("一行目\n髙橋様、😀です")
            .htmlBody("<p>①</p>")
            .attachment(file)
            .build();
    List<CharsetProblem> problems = COMPOSER.check(message);
    assertThat(problems)
        .extracting(p ->
            p.part() + " " + p.detail() + " " + p.line() + ":" + p.column() + " " + p.character())
        .containsExactly(
            "SUBJECT  1:1 ㈱",
            "TEXT_BODY  2:1 髙",
            "TEXT_BODY  2:5 😀",
            "HTML_BODY  1:4 ①",
            "ATTACHMENT_NAME 髙橋様①.pdf 1:1 髙",
            "ATTACHMENT_NAME 髙橋様①.pdf 1:4 ①");
    assertThat(problems.getFirst().suggestion()).contains("(株)");
    assertThat(problems.get(3).suggestion()).contains("1");
    assertThat(problems.get(1).suggestion()).isEmpty();
    assertThat(problems.getFirst().describe()).contains("㈱", "U+3231", "subject", "(株)");
    assertThat(COMPOSER.compose(message))
        .isInstanceOfSatisfying(
            Composition.Unencodable.class, u -> assertThat(u.problems()).isEqualTo(problems));
  }

  @Test
  void sameCharactersShouldBeFineInUtf8ButBrokenSurrogatesShouldNot() {
    CampaignMessage fine = newsletter(MessageCharset.UTF_8).subject("㈱飛脚 髙橋 😀 ①").build();
    assertThat(COMPOSER.check(fine)).isEmpty();
    CampaignMessage broken = newsletter(MessageCharset.UTF_8).textBody("ok \uD83D end").build();
    assertThat(COMPOSER.check(broken))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.part()).isEqualTo(CharsetProblem.Part.TEXT_BODY);
          assertThat(p.character()).isEqualTo("U+D83D");
        });
  }

  @Test
  void boundaryShouldChangeWhenTheContentContainsIt() {
    String taken = Multipart.candidate(7, 1, 0);
    String body = "Look: --" + taken + "\n";
    CampaignMessage message = plain().textBody(body).htmlBody("<p>x</p>").boundarySeed(7).build();
    String text = text(COMPOSER.compose(message));
    assertThat(text).contains("boundary=\"" + Multipart.candidate(7, 1, 1) + "\"");
    assertThat(text).doesNotContain("boundary=\"" + taken + "\"");
  }

  @Test
  void tenMegabyteAttachmentShouldCompose() {
    byte[] content = new byte[10 * 1024 * 1024];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + (i >>> 13));
    }
    Attachment big = Attachment.of("大きな資料.bin", "application/octet-stream", content);
    byte[] message =
        bytes(COMPOSER.compose(newsletter(MessageCharset.UTF_8).attachment(big).build()));
    assertWellFormed(message);
    assertThat(message.length).isGreaterThan(content.length * 4 / 3);
    String text = new String(message, StandardCharsets.US_ASCII);
    int start = text.indexOf("\r\n\r\n", text.indexOf("application/octet-stream")) + 4;
    int end = text.indexOf("\r\n--=_hk", start);
    byte[] decoded = java.util.Base64.getMimeDecoder().decode(text.substring(start, end));
    assertThat(Arrays.equals(decoded, content)).isTrue();
  }
}
