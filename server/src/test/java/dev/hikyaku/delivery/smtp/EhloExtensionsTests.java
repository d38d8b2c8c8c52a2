package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EhloExtensionsTests {

  @Test
  void announcedExtensionsShouldBeRecognised() {
    EhloExtensions e =
        EhloExtensions.parse(
            SmtpReply.of(
                250,
                "mx.hikyaku.test greets you",
                "pipelining",
                "SIZE 35882577",
                "8BITMIME",
                "SMTPUTF8",
                "STARTTLS",
                "AUTH PLAIN login XOAUTH2",
                "ENHANCEDSTATUSCODES"));

    assertThat(e.pipelining()).isTrue();
    assertThat(e.sizeLimit()).hasValue(35882577);
    assertThat(e.eightBitMime()).isTrue();
    assertThat(e.smtpUtf8()).isTrue();
    assertThat(e.startTls()).isTrue();
    assertThat(e.enhancedStatusCodes()).isTrue();
    assertThat(e.authMechanisms()).containsExactlyInAnyOrder("PLAIN", "LOGIN", "XOAUTH2");
  }

  @Test
  void firstLineShouldBeTheServerNameNotAnExtension() {
    EhloExtensions e = EhloExtensions.parse(SmtpReply.of(250, "STARTTLS"));

    assertThat(e.startTls()).isFalse();
  }

  @Test
  void sizeWithoutALimitShouldMeanNoFixedLimit() {
    assertThat(EhloExtensions.parse(SmtpReply.of(250, "mx", "SIZE")).sizeLimit()).isEmpty();
    assertThat(EhloExtensions.parse(SmtpReply.of(250, "mx", "SIZE 0")).sizeLimit()).isEmpty();
    assertThat(EhloExtensions.parse(SmtpReply.of(250, "mx", "SIZE lots")).sizeLimit()).isEmpty();
    assertThat(EhloExtensions.parse(SmtpReply.of(250, "mx", "SIZE")).size()).isTrue();
  }

  @Test
  void obsoleteAuthEqualsFormShouldCountAsAuth() {
    EhloExtensions e = EhloExtensions.parse(SmtpReply.of(250, "mx", "AUTH=LOGIN", "AUTH PLAIN"));

    assertThat(e.authMechanisms()).containsExactlyInAnyOrder("LOGIN", "PLAIN");
  }

  @Test
  void linesThatAreNotKeywordsShouldBeIgnored() {
    EhloExtensions e = EhloExtensions.parse(SmtpReply.of(250, "mx", "", "-bad", "(comment)"));

    assertThat(e.keywords()).isEmpty();
  }
}
