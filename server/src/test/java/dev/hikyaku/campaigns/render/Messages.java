package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Fixtures and byte-level checks shared by the composition tests. */
final class Messages {

  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T01:02:03Z"), ZoneId.of("Asia/Tokyo"));
  static final MessageComposer COMPOSER = new MessageComposer(CLOCK);

  private Messages() {}

  /** A Japanese newsletter with every optional part set. */
  static CampaignMessage.Builder newsletter(MessageCharset charset) {
    return CampaignMessage.builder(
            Mailbox.of("news@example.jp", "飛脚ニュース編集部"),
            Mailbox.of("taro@example.com", "山田 太郎"),
            new MessageId("c42.r7@example.jp"))
        .replyTo(Mailbox.of("support@example.jp", "Support, Hikyaku"))
        .subject("【ご案内】年末年始の営業時間について～12月29日から1月3日まで～")
        .textBody("山田 太郎 様\n\nいつもご利用ありがとうございます。\n営業時間: 9:00～18:00\n")
        .htmlBody("<p>山田 太郎 様</p><p>いつもご利用ありがとうございます。<br>" + "営業時間: 9:00～18:00</p>")
        .charset(charset)
        .listId(new ListId("飛脚ニュース", "news.example.jp"))
        .listUnsubscribe(
            ListUnsubscribe.oneClick(
                URI.create("https://example.jp/u/abc123"),
                URI.create("mailto:unsubscribe@example.jp?subject=abc123")))
        .header(new ExtraHeader("X-Campaign-Id", "c42"))
        .boundarySeed(42);
  }

  static byte[] bytes(Composition composition) {
    assertThat(composition).isInstanceOf(Composition.Composed.class);
    return ((Composition.Composed) composition).message().toByteArray();
  }

  static String text(Composition composition) {
    return new String(bytes(composition), StandardCharsets.US_ASCII);
  }

  /** The header block, unfolded, one field per element. */
  static List<String> headerFields(byte[] message) {
    String text = new String(message, StandardCharsets.US_ASCII);
    String head = text.substring(0, text.indexOf("\r\n\r\n"));
    List<String> fields = new ArrayList<>();
    for (String line : head.split("\r\n")) {
      if (line.startsWith(" ") || line.startsWith("\t")) {
        fields.set(fields.size() - 1, fields.getLast() + line);
      } else {
        fields.add(line);
      }
    }
    return fields;
  }

  /**
   * Asserts the RFC 5322 §2.1.1 and §2.3 shape: lines end in CRLF only, none longer than 998
   * octets, and every byte is 7-bit.
   */
  static void assertWellFormed(byte[] message) {
    int lineLength = 0;
    for (int i = 0; i < message.length; i++) {
      int b = message[i] & 0xFF;
      if (b >= 0x80) {
        fail("8-bit byte %02x at %d", b, i);
      }
      if (b == '\r' && (i + 1 == message.length || message[i + 1] != '\n')) {
        fail("bare CR at %d", i);
      }
      if (b == '\n' && (i == 0 || message[i - 1] != '\r')) {
        fail("bare LF at %d", i);
      }
      if (b == '\n') {
        lineLength = 0;
      } else if (b != '\r' && ++lineLength > 998) {
        fail("line longer than 998 octets ending near byte %d", i);
      }
    }
    assertThat(new String(message, message.length - 2, 2, StandardCharsets.US_ASCII))
        .isEqualTo("\r\n");
  }
}
