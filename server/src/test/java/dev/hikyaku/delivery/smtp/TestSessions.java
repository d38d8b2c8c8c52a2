package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Settings, addresses and session opening shared by the session tests. */
final class TestSessions {

  static final MailboxPath SENDER = new MailboxPath("bounces@sender.hikyaku.test");

  private TestSessions() {}

  /** Settings for loopback peers: no TLS, 5 s for everything. */
  static SmtpSettings.Builder settings() {
    return SmtpSettings.builder("client.hikyaku.test")
        .tlsMode(TlsMode.NONE)
        .allTimeouts(Duration.ofSeconds(5));
  }

  static MailboxPath rcpt(String local) {
    return new MailboxPath(local + "@rcpt.hikyaku.test");
  }

  static OutboundMessage message(String content) {
    return OutboundMessage.of(content.getBytes(StandardCharsets.UTF_8));
  }

  static OutboundMessage simpleMessage(String subject) {
    return message("From: a@sender.hikyaku.test\r\nSubject: " + subject + "\r\n\r\nHello.\r\n");
  }

  /** Opens a session that must succeed. */
  static SmtpSession open(
      SmtpClient client, InetSocketAddress address, String name, SmtpTranscript transcript) {
    return open(client, address, name, Optional.empty(), transcript);
  }

  /** Opens a session that must succeed. */
  static SmtpSession open(
      SmtpClient client,
      InetSocketAddress address,
      String name,
      Optional<SmtpCredentials> credentials,
      SmtpTranscript transcript) {
    SessionOpening opening = client.open(address, name, credentials, transcript);
    assertThat(opening).isInstanceOf(SessionOpening.Opened.class);
    return ((SessionOpening.Opened) opening).session();
  }

  /** Opens a session that must fail, and gives the failure. */
  static SessionFailure failure(SessionOpening opening) {
    assertThat(opening).isInstanceOf(SessionOpening.Failed.class);
    return ((SessionOpening.Failed) opening).failure();
  }
}
