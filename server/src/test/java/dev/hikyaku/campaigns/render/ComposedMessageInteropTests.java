package dev.hikyaku.campaigns.render;

import static dev.hikyaku.campaigns.render.Messages.COMPOSER;
import static dev.hikyaku.campaigns.render.Messages.bytes;
import static dev.hikyaku.campaigns.render.Messages.newsletter;
import static dev.hikyaku.campaigns.render.ParsedMessage.normalised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Composed messages read back by Jakarta Mail and by Python's email package give the subject,
 * names, bodies and attachment names that went in. Python is found at /usr/bin/python3; the Python
 * half is skipped where it is missing.
 */
class ComposedMessageInteropTests {

  private static final String SUBJECT = "【ご案内】年末年始の営業時間について～12月29日から1月3日まで～";
  private static final String TEXT = "山田 太郎 様\n\nいつもご利用ありがとうございます。\n営業時間: 9:00～18:00";

  private static final List<Attachment> FILES =
      List.of(
          Attachment.of(
              "営業時間のご案内_2026年版_最終確定版_社外秘ではありません.pdf",
              "application/pdf",
              "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII)),
          Attachment.of(
              "plain name.txt", "text/plain", "hello".getBytes(StandardCharsets.US_ASCII)),
          Attachment.of("Résumé \"final\".doc", "application/msword", new byte[300]));

  /** The Japanese newsletter with attachments; ISO-2022-JP gets the files whose names it holds. */
  private static byte[] compose(MessageCharset charset) {
    CampaignMessage.Builder builder = newsletter(charset).subject(SUBJECT).textBody(TEXT);
    FILES.stream()
        .filter(f -> charset == MessageCharset.UTF_8 || !f.fileName().contains("é"))
        .forEach(builder::attachment);
    return bytes(COMPOSER.compose(builder.build()));
  }

  /** What a reader should see; ISO-2022-JP sends the wave dash for the fullwidth tilde. */
  private static void assertReadsBack(ParsedMessage parsed, MessageCharset charset) {
    boolean jis = charset == MessageCharset.ISO_2022_JP;
    assertThat(parsed.subject()).isEqualTo(jis ? SUBJECT.replace('～', '〜') : SUBJECT);
    assertThat(parsed.fromName()).isEqualTo("飛脚ニュース編集部");
    assertThat(parsed.fromAddress()).isEqualTo("news@example.jp");
    assertThat(parsed.toCount()).isEqualTo(1);
    assertThat(parsed.toName()).isEqualTo("山田 太郎");
    assertThat(parsed.toAddress()).isEqualTo("taro@example.com");
    assertThat(normalised(parsed.text())).isEqualTo(jis ? TEXT.replace('～', '〜') : TEXT);
    assertThat(normalised(parsed.html()))
        .isEqualTo(
            "<p>山田 太郎 様</p><p>いつもご利用ありがとうございます。<br>営業時間: 9:00" + (jis ? "〜" : "～") + "18:00</p>");
    List<String> names = FILES.stream().map(Attachment::fileName).toList();
    List<Integer> sizes = List.of(13, 5, 300);
    assertThat(parsed.attachmentNames()).isEqualTo(jis ? names.subList(0, 2) : names);
    assertThat(parsed.attachmentSizes()).isEqualTo(jis ? sizes.subList(0, 2) : sizes);
  }

  @ParameterizedTest
  @EnumSource(MessageCharset.class)
  void jakartaMailShouldReadBackWhatWentIn(MessageCharset charset) throws Exception {
    assertReadsBack(ParsedMessage.jakarta(compose(charset)), charset);
  }

  @ParameterizedTest
  @EnumSource(MessageCharset.class)
  void pythonEmailShouldReadBackWhatWentInWithoutDefects(MessageCharset charset) throws Exception {
    assumeTrue(Files.isExecutable(ParsedMessage.PYTHON), "python3 is not installed");
    assertReadsBack(ParsedMessage.python(compose(charset)), charset);
  }

  @Test
  void fileNameIso2022JpCannotHoldShouldBeReportedNotMangled() {
    CampaignMessage message =
        newsletter(MessageCharset.ISO_2022_JP).attachment(FILES.get(2)).build();
    assertThat(COMPOSER.check(message))
        .extracting(CharsetProblem::part, CharsetProblem::character)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CharsetProblem.Part.ATTACHMENT_NAME, "é"),
            org.assertj.core.groups.Tuple.tuple(CharsetProblem.Part.ATTACHMENT_NAME, "é"));
  }

  @Test
  void rfc2047NameFallbackShouldDecodeToTheFileName() throws Exception {
    for (MessageCharset charset : MessageCharset.values()) {
      byte[] bytes = bytes(COMPOSER.compose(newsletter(charset).attachment(FILES.get(0)).build()));
      MimeMessage message =
          new MimeMessage(
              Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(bytes));
      MimeMultipart mixed = (MimeMultipart) message.getContent();
      String name = new ContentType(mixed.getBodyPart(1).getContentType()).getParameter("name");
      assertThat(MimeUtility.decodeText(name)).isEqualTo(FILES.get(0).fileName());
    }
  }

  @Test
  void specialsInDisplayNamesShouldSurviveAndNotAddRecipients() throws Exception {
    CampaignMessage message =
        CampaignMessage.builder(
                Mailbox.of("news@example.jp", "ACME, Inc. \"News\" <promo>"),
                Mailbox.of("a@example.com", "Doe, John <evil@example.org>, x@example.org"),
                new MessageId("m3@example.jp"))
            .subject("Hi")
            .textBody("x")
            .build();
    byte[] bytes = bytes(COMPOSER.compose(message));
    ParsedMessage jakarta = ParsedMessage.jakarta(bytes);
    assertThat(jakarta.toCount()).isEqualTo(1);
    assertThat(jakarta.toAddress()).isEqualTo("a@example.com");
    assertThat(jakarta.toName()).isEqualTo("Doe, John <evil@example.org>, x@example.org");
    assertThat(jakarta.fromName()).isEqualTo("ACME, Inc. \"News\" <promo>");
    assumeTrue(Files.isExecutable(ParsedMessage.PYTHON), "python3 is not installed");
    ParsedMessage python = ParsedMessage.python(bytes);
    assertThat(python.toCount()).isEqualTo(1);
    assertThat(python.toAddress()).isEqualTo("a@example.com");
    assertThat(python.toName()).isEqualTo(jakarta.toName());
    assertThat(python.fromName()).isEqualTo(jakarta.fromName());
  }
}
