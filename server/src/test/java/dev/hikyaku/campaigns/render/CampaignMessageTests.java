package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.shared.InvalidInputException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of the message's parts: bad input is a typed error, never a malformed message. */
class CampaignMessageTests {

  private static CampaignMessage.Builder builder() {
    return CampaignMessage.builder(
        Mailbox.of("news@example.jp", "News"),
        Mailbox.of("a@example.com", ""),
        new MessageId("m@example.jp"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "To",
        "cc",
        "BCC",
        "Resent-To",
        "Sender",
        "Content-Type",
        "Subject",
        "List-Unsubscribe",
        "Disposition-Notification-To",
        "DKIM-Signature"
      })
  void extraHeaderShouldNotNameRecipientsOrReplaceComposedFields(String name) {
    assertThatThrownBy(() -> new ExtraHeader(name, "x@example.org"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X Bad", "X:Bad", "X-\u00e9", "-X"})
  void extraHeaderNameShouldBeAToken(String name) {
    assertThatThrownBy(() -> new ExtraHeader(name, "v")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void extraHeaderValueShouldBeFlattened() {
    assertThat(new ExtraHeader("X-Tag", " a\r\n\tb ").value()).isEqualTo("a b");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"no-at-sign", "<a@b", "a b@example.jp", "a@b@c", "<a@example.jp>\r\nX: y"})
  void malformedMessageIdShouldBeRejected(String value) {
    assertThatThrownBy(() -> new MessageId(value)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void messageIdShouldGetAngleBrackets() {
    assertThat(new MessageId("abc.1@example.jp").value()).isEqualTo("<abc.1@example.jp>");
    assertThat(new MessageId("<x@[192.0.2.1]>").value()).isEqualTo("<x@[192.0.2.1]>");
  }

  @Test
  void oneClickUnsubscribeShouldNeedAnHttpsUrl() {
    assertThatThrownBy(() -> ListUnsubscribe.oneClick(URI.create("http://example.jp/u"), null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ListUnsubscribe.of(null, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() ->
            ListUnsubscribe.of(
                URI.create("https://example.jp/u"), URI.create("https://example.jp/not-mailto")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> ListUnsubscribe.of(URI.create("https://example.jp/" + "x".repeat(1000)), null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(ListUnsubscribe.of(null, URI.create("mailto:u@example.jp")).oneClick()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nodot", "a..b", "a b.c", ".a.b"})
  void listIdShouldBeALabelDotNamespace(String identifier) {
    assertThatThrownBy(() -> new ListId("x", identifier)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "../etc/passwd", "a\\b.txt", "a\r\nb.txt", "tab\there"})
  void attachmentNameShouldHaveNoPathOrControlCharacters(String name) {
    assertThatThrownBy(() -> Attachment.of(name, "text/plain", new byte[0]))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"pdf", "text/", "text/plain; charset=x", "multipart/mixed", "message/rfc822"})
  void attachmentMediaTypeShouldBeASimpleTypeSlashSubtype(String mediaType) {
    assertThatThrownBy(() -> Attachment.of("a.bin", mediaType, new byte[0]))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void attachmentShouldKeepItsNameAndLowerCaseMediaType() {
    Attachment file = Attachment.of(" 請求書 ①.PDF ", "Application/PDF", new byte[7]);
    assertThat(file.fileName()).isEqualTo("請求書 ①.PDF");
    assertThat(file.mediaType()).isEqualTo("application/pdf");
    assertThat(file.size()).isEqualTo(7);
  }

  @Test
  void messageShouldNeedABody() {
    assertThatThrownBy(() -> builder().subject("x").build())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void textBodyShouldBeDerivedFromHtmlWhenOnlyHtmlIsGiven() {
    CampaignMessage message = builder().htmlBody("<h1>Hi</h1><p>Body &amp; more</p>").build();
    assertThat(message.textBody()).isEqualTo("Hi\n\nBody & more");
    assertThat(message.htmlBody()).contains("<h1>Hi</h1><p>Body &amp; more</p>");
  }

  @Test
  void displayNameAndSubjectShouldBeFlattenedOnTheWayIn() {
    assertThat(Mailbox.of("a@example.com", "A\r\nB").displayName()).isEqualTo("A B");
    assertThat(builder().subject("S\nT").textBody("x").build().subject()).isEqualTo("S T");
  }

  @Test
  void boundarySeedShouldDefaultToOneDerivedFromTheMessageId() {
    CampaignMessage a = builder().textBody("x").build();
    CampaignMessage b = builder().textBody("x").build();
    assertThat(a.boundarySeed()).isEqualTo(b.boundarySeed());
    CampaignMessage other =
        CampaignMessage.builder(a.from(), a.to(), new MessageId("n@example.jp"))
            .textBody("x")
            .build();
    assertThat(other.boundarySeed()).isNotEqualTo(a.boundarySeed());
  }
}
