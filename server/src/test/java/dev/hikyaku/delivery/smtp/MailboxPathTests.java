package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.shared.EmailAddress;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailboxPathTests {

  @Test
  void domainShouldBeLowerCasedAndLocalPartKept() {
    MailboxPath path = new MailboxPath("John.Doe+tag@Example.TEST");

    assertThat(path.address()).isEqualTo("John.Doe+tag@example.test");
    assertThat(path.domain()).isEqualTo("example.test");
    assertThat(path.requiresSmtpUtf8()).isFalse();
  }

  @Test
  void utf8AddressesShouldBeAcceptedAndNeedSmtpUtf8() {
    assertThat(new MailboxPath("jörg@bücher.test").requiresSmtpUtf8()).isTrue();
    assertThat(new MailboxPath("用户@例子.测试").requiresSmtpUtf8()).isTrue();
  }

  @Test
  void pathsThatCouldInjectCommandsShouldBeRefused() {
    for (String bad :
        List.of(
            "a@b.test>\r\nRCPT TO:<c@d.test",
            "a b@c.test",
            "<a@b.test>",
            "a@b.test SIZE=1",
            "a@b",
            "@b.test",
            "a@",
            "a..b@c.test",
            "a@-b.test",
            "\"quoted\"@b.test",
            "a\u0000@b.test",
            "a\u00a0@b.test")) {
      assertThatThrownBy(() -> new MailboxPath(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("\r");
    }
  }

  @Test
  void overlongPartsShouldBeRefused() {
    assertThatThrownBy(() -> new MailboxPath("a".repeat(65) + "@b.test"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new MailboxPath("a@" + "b".repeat(60) + "." + "c".repeat(200) + ".test"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formAddressShouldConvert() {
    assertThat(MailboxPath.of(new EmailAddress("ann@Example.test")))
        .isEqualTo(new MailboxPath("ann@example.test"));
  }

  @Test
  void envelopeShouldHoldOneToAHundredDistinctRecipients() {
    MailboxPath from = new MailboxPath("bounce@sender.test");
    List<MailboxPath> hundred =
        IntStream.range(0, 100).mapToObj(i -> new MailboxPath("r" + i + "@rcpt.test")).toList();
    List<MailboxPath> tooMany =
        IntStream.range(0, 101).mapToObj(i -> new MailboxPath("r" + i + "@rcpt.test")).toList();

    assertThat(Envelope.of(from, hundred).recipients()).hasSize(100);
    assertThatThrownBy(() -> Envelope.of(from, tooMany))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.of(from, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.of(from, Collections.nCopies(2, from)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void envelopeShouldNeedSmtpUtf8WhenAnyPathDoes() {
    MailboxPath ascii = new MailboxPath("a@b.test");
    MailboxPath utf8 = new MailboxPath("ä@b.test");

    assertThat(Envelope.of(ascii, ascii).requiresSmtpUtf8()).isFalse();
    assertThat(Envelope.of(ascii, utf8).requiresSmtpUtf8()).isTrue();
    assertThat(Envelope.withNullReturnPath(List.of(utf8)).requiresSmtpUtf8()).isTrue();
  }
}
