package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 2047 encoded-words and header folding. */
class EncodedWordsTests {

  private static final Charset JIS = Charset.forName("ISO-2022-JP");
  private static final String LONG_JAPANESE = "【重要】年末年始の営業時間のお知らせと、ポイント有効期限延長キャンペーンのご案内です😀";

  private static byte[] payload(String word, String prefix) {
    assertThat(word).startsWith(prefix).endsWith("?=");
    return Base64.getDecoder().decode(word.substring(prefix.length(), word.length() - 2));
  }

  @Test
  void utf8WordsShouldBeShortAndEachHoldWholeCharacters() {
    List<String> words = EncodedWords.encode(LONG_JAPANESE, MessageCharset.UTF_8, 60);
    assertThat(words.getFirst().length()).isLessThanOrEqualTo(60);
    StringBuilder joined = new StringBuilder();
    for (String word : words) {
      assertThat(word.length()).isLessThanOrEqualTo(75);
      byte[] bytes = payload(word, "=?UTF-8?B?");
      // Decoding each word alone gives no replacement character: no character was split.
      String alone = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      assertThat(alone).doesNotContain("\uFFFD");
      joined.append(alone);
    }
    assertThat(joined).hasToString(LONG_JAPANESE);
    assertThat(words).hasSizeGreaterThan(2);
  }

  @Test
  void wordBoundariesShouldNeverFallInsideACharacterWhateverTheOffset() {
    for (int offset = 0; offset < 8; offset++) {
      String text = "x".repeat(offset) + "😀𠮷é日".repeat(20);
      StringBuilder joined = new StringBuilder();
      for (String word : EncodedWords.encode(text, MessageCharset.UTF_8, 75)) {
        byte[] bytes = payload(word, "=?UTF-8?B?");
        String alone = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        assertThat(alone).as("word %s at offset %d", word, offset).doesNotContain("\uFFFD", "?");
        joined.append(alone);
      }
      assertThat(joined).hasToString(text);
    }
  }

  @Test
  void jisWordsShouldEachBeACompleteSequenceEndingInAscii() {
    String text = "【重要】年末年始の営業時間のお知らせと、ABCポイント有効期限延長キャンペーンのご案内～";
    List<String> words = EncodedWords.encode(text, MessageCharset.ISO_2022_JP, 60);
    StringBuilder joined = new StringBuilder();
    for (String word : words) {
      assertThat(word.length()).isLessThanOrEqualTo(75);
      byte[] bytes = payload(word, "=?ISO-2022-JP?B?");
      if (bytes[0] == 0x1B) {
        assertThat(new String(bytes, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("\u001B$B");
      }
      String end = new String(bytes, bytes.length - 3, 3, StandardCharsets.US_ASCII);
      if (bytes[bytes.length - 3] == 0x1B) {
        assertThat(end).isEqualTo("\u001B(B");
      } else {
        assertThat(bytes[bytes.length - 1]).isLessThan((byte) 0x7F);
      }
      joined.append(new String(bytes, JIS));
    }
    assertThat(joined).hasToString(text.replace('～', '〜'));
  }

  @Test
  void foldedSubjectShouldKeepEveryLineWithin78Characters() {
    StringBuilder out = new StringBuilder();
    new HeaderFields(out, MessageCharset.UTF_8).unstructured("Subject", LONG_JAPANESE.repeat(3));
    String[] lines = out.toString().split("\r\n");
    assertThat(lines.length).isGreaterThan(3);
    for (String line : lines) {
      assertThat(line.length()).isLessThanOrEqualTo(78);
    }
    assertThat(lines[0]).startsWith("Subject: =?UTF-8?B?");
    assertThat(lines[1]).startsWith(" =?UTF-8?B?");
  }

  @Test
  void plainAsciiSubjectShouldBeFoldedAtSpacesNotEncoded() {
    StringBuilder out = new StringBuilder();
    String subject = "Our autumn newsletter: ten things you may have missed this season, and more";
    new HeaderFields(out, MessageCharset.UTF_8).unstructured("Subject", subject);
    assertThat(out.toString())
        .isEqualTo(
            "Subject: Our autumn newsletter: ten things you may have missed this season,\r\n"
                + " and more\r\n");
  }

  @Test
  void asciiThatLooksLikeAnEncodedWordShouldItselfBeEncoded() {
    StringBuilder out = new StringBuilder();
    new HeaderFields(out, MessageCharset.UTF_8).unstructured("Subject", "=?UTF-8?B?SGk=?=");
    assertThat(out.toString()).startsWith("Subject: =?UTF-8?B?PT9VVEYtOD9CP1NHaz0/PQ==?=");
  }

  @Test
  void displayNamesShouldBeAtomsQuotedOrEncodedAsNeeded() {
    assertThat(from("Taro Yamada")).isEqualTo("From: Taro Yamada <taro@example.jp>\r\n");
    assertThat(from("Yamada, Taro (Sales)"))
        .isEqualTo("From: \"Yamada, Taro (Sales)\" <taro@example.jp>\r\n");
    assertThat(from("Say \"hi\" \\ bye"))
        .isEqualTo("From: \"Say \\\"hi\\\" \\\\ bye\" <taro@example.jp>\r\n");
    assertThat(from("山田 太郎"))
        .isEqualTo("From: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <taro@example.jp>\r\n");
    assertThat(from("")).isEqualTo("From: taro@example.jp\r\n");
  }

  private static String from(String name) {
    StringBuilder out = new StringBuilder();
    new HeaderFields(out, MessageCharset.UTF_8)
        .mailbox("From", Mailbox.of("taro@example.jp", name));
    return out.toString();
  }

  @Test
  void longFileNameShouldBeSplitIntoRfc2231SectionsWithoutSplittingCharacters() {
    List<String> sections = AttachmentPart.sections("令和7年度_年末年始営業のお知らせ_最終版.pdf");
    assertThat(sections).hasSizeGreaterThan(1);
    StringBuilder joined = new StringBuilder();
    for (String section : sections) {
      assertThat(section.length()).isLessThanOrEqualTo(60);
      assertThat(section).matches("([A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-F]{2})*");
      joined.append(section);
    }
    String decoded = java.net.URLDecoder.decode(joined.toString(), StandardCharsets.UTF_8);
    assertThat(decoded).isEqualTo("令和7年度_年末年始営業のお知らせ_最終版.pdf");
  }
}
