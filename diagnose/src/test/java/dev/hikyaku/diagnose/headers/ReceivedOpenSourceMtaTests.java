package dev.hikyaku.diagnose.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Received fields as Postfix, Exim, Sendmail and qmail write them (invented, in their styles). */
class ReceivedOpenSourceMtaTests {

  static ReceivedField clean(String value) {
    ReceivedField field = ReceivedField.parse(value);
    assertThat(field.problems()).isEmpty();
    return field;
  }

  static Optional<TlsInfo> tls(String version, String cipher) {
    return Optional.of(new TlsInfo(Optional.of(version), Optional.of(cipher)));
  }

  @Test
  void postfixWithTlsGivesEveryPart() {
    ReceivedField field =
        clean(
            """
            from mail.example.com (mail.example.com [192.0.2.1])
            \t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
            \t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)
            \t(No client certificate requested)
            \tby mx.example.net (Postfix) with ESMTPS id 4ZbXq71kT2z9sWn
            \tfor <tanaka@example.net>; Mon, 23 Nov 2026 10:00:02 +0900 (JST)\
            """);

    assertThat(field.from()).contains("mail.example.com");
    assertThat(field.fromHostName()).contains("mail.example.com");
    assertThat(field.fromAddress()).contains("192.0.2.1");
    assertThat(field.helo()).contains("mail.example.com");
    assertThat(field.by()).contains("mx.example.net");
    assertThat(field.with()).contains("ESMTPS");
    assertThat(field.id()).contains("4ZbXq71kT2z9sWn");
    assertThat(field.recipient()).contains("tanaka@example.net");
    assertThat(field.tls()).isEqualTo(tls("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
    assertThat(field.mta()).isEqualTo(Mta.POSTFIX);
    assertThat(field.date()).contains(OffsetDateTime.parse("2026-11-23T10:00:02+09:00"));
    assertThat(field.encrypted()).isTrue();
  }

  @Test
  void postfixWithoutReverseDnsSaysUnknownAndKeepsTheHelo() {
    ReceivedField field =
        clean(
            "from client.example.org (unknown [198.51.100.23]) by mx.example.net (Postfix) with"
                + " ESMTP id 4ZbXq71kT2; Mon, 23 Nov 2026 10:00:02 +0900 (JST)");

    assertThat(field.fromHostName()).isEmpty();
    assertThat(field.fromAddress()).contains("198.51.100.23");
    assertThat(field.helo()).contains("client.example.org");
    assertThat(field.tls()).isEmpty();
    assertThat(field.encrypted()).isFalse();
  }

  @Test
  void postfixWithAnIpv6LiteralAndAnAuthenticatedSender() {
    ReceivedField field =
        clean(
            """
            from [IPv6:2001:db8::25] (unknown [IPv6:2001:db8::25])
            \t(Authenticated sender: sato.k@example.com)
            \tby smtp.example.com (Postfix) with ESMTPSA id 4ZbXq50Q2Lz3x;
            \tMon, 23 Nov 2026 10:00:00 +0900 (JST)\
            """);

    assertThat(field.fromAddress()).contains("2001:db8::25");
    assertThat(field.fromHostName()).isEmpty();
    assertThat(field.protocol().orElseThrow().authenticated()).isTrue();
    assertThat(field.encrypted()).isTrue();
  }

  @Test
  void postfixLocalPickupHasNoFromClause() {
    ReceivedField field =
        clean(
            "by smtp.example.com (Postfix, from userid 1000) id 4ZbXq3; Mon, 23 Nov 2026 09:59:58"
                + " +0900 (JST)");

    assertThat(field.from()).isEmpty();
    assertThat(field.by()).contains("smtp.example.com");
    assertThat(field.mta()).isEqualTo(Mta.POSTFIX);
  }

  @Test
  void eximNamesTheReverseDnsNameFirstAndTheHeloInTheComment() {
    ReceivedField field =
        clean(
            """
            from mail.example.com ([192.0.2.1]:54321 helo=smtp.example.com)
            \tby mx.example.net with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384
            \t(Exim 4.96)
            \t(envelope-from <bounce@example.com>)
            \tid 1tEzWq-000AbC-2x
            \tfor suzuki@example.net; Mon, 23 Nov 2026 10:00:03 +0900\
            """);

    assertThat(field.fromHostName()).contains("mail.example.com");
    assertThat(field.helo()).contains("smtp.example.com");
    assertThat(field.fromAddress()).contains("192.0.2.1");
    assertThat(field.with()).contains("esmtps");
    assertThat(field.tls()).isEqualTo(tls("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
    assertThat(field.id()).contains("1tEzWq-000AbC-2x");
    assertThat(field.recipient()).contains("suzuki@example.net");
    assertThat(field.mta()).isEqualTo(Mta.EXIM);
  }

  @Test
  void eximWithoutAReverseNameWritesTheLiteralAndThePort() {
    ReceivedField field =
        clean(
            "from [203.0.113.9] (port=40112 helo=laptop.example.org) by mx.example.net with esmtp"
                + " (Exim 4.96) (envelope-from <a@example.org>) id 1tEzWq-000AbC-2x for"
                + " b@example.net; Mon, 23 Nov 2026 10:00:03 +0900");

    assertThat(field.fromHostName()).isEmpty();
    assertThat(field.fromAddress()).contains("203.0.113.9");
    assertThat(field.helo()).contains("laptop.example.org");
    assertThat(field.encrypted()).isFalse();
  }

  @Test
  void olderEximPutsVersionAndCipherInOneComment() {
    ReceivedField field =
        clean(
            "from mail.example.com ([192.0.2.1]) by mx.example.net with esmtps"
                + " (TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256) (Exim 4.84_2) (envelope-from"
                + " <a@example.com>) id 1aBcDe-0001Xy-Qz for b@example.net; Mon, 23 Nov 2026"
                + " 10:00:03 +0900");

    assertThat(field.tls()).isEqualTo(tls("TLSv1.2", "ECDHE_RSA_AES_256_GCM_SHA384"));
    assertThat(field.helo()).contains("mail.example.com");
  }

  @Test
  void eximLocalSubmissionNamesAUserNotAHost() {
    ReceivedField field =
        clean(
            "from www-data by web1.example.com with local (Exim 4.96) (envelope-from"
                + " <www-data@web1.example.com>) id 1tEzWq-000AbC-2x; Mon, 23 Nov 2026 10:00:00"
                + " +0900");

    assertThat(field.from()).contains("www-data");
    assertThat(field.fromHostName()).isEmpty();
    assertThat(field.protocol().orElseThrow().kind()).isEqualTo(Protocol.Kind.LOCAL);
  }

  @Test
  void sendmailWithTlsAndAForgedReverseName() {
    ReceivedField field =
        clean(
            """
            from helo.example.org (mail.example.org [198.51.100.4] (may be forged))
            \tby mx.example.net (8.17.1/8.17.1) with ESMTPS id 5ANA0abc012345
            \t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT)
            \tfor <ito@example.net>; Mon, 23 Nov 2026 10:00:04 +0900\
            """);

    assertThat(field.helo()).contains("helo.example.org");
    assertThat(field.fromHostName()).contains("mail.example.org");
    assertThat(field.fromAddress()).contains("198.51.100.4");
    assertThat(field.tls()).isEqualTo(tls("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
    assertThat(field.mta()).isEqualTo(Mta.SENDMAIL);
  }

  @Test
  void sendmailWithAnIdentUserAndNoReverseName() {
    ReceivedField ident =
        clean(
            "from client.example.org (ident@client.example.org [198.51.100.4]) by mx.example.net"
                + " (8.17.1/8.17.1) with ESMTP id 5ANA0a; Mon, 23 Nov 2026 10:00:04 +0900");
    ReceivedField bare =
        clean(
            "from client.example.org ([198.51.100.4]) by mx.example.net (8.17.1/8.17.1) with"
                + " ESMTP id 5ANA0a; Mon, 23 Nov 2026 10:00:04 +0900");

    assertThat(ident.fromHostName()).contains("client.example.org");
    assertThat(bare.fromHostName()).isEmpty();
    assertThat(bare.fromAddress()).contains("198.51.100.4");
  }

  @Test
  void sendmailLocalSubmissionHasOnlyAComment() {
    ReceivedField field =
        clean(
            "(from root@localhost) by host.example.net (8.15.2/8.15.2/Submit) id 5ANA0abc;"
                + " Mon, 23 Nov 2026 09:59:59 +0900");

    assertThat(field.from()).isEmpty();
    assertThat(field.by()).contains("host.example.net");
    assertThat(field.mta()).isEqualTo(Mta.SENDMAIL);
  }

  @Test
  void qmailInvokedFromNetworkHasOnlyADate() {
    ReceivedField field = clean("(qmail 12345 invoked from network); 23 Nov 2026 01:00:05 -0000");

    assertThat(field.mta()).isEqualTo(Mta.QMAIL);
    assertThat(field.date()).contains(OffsetDateTime.parse("2026-11-23T01:00:05Z"));
    assertThat(field.unreadable()).isFalse();
  }

  @Test
  void qmailInvokedByUid() {
    ReceivedField field = clean("(qmail 123 invoked by uid 89); 23 Nov 2026 01:00:05 -0000");

    assertThat(field.mta()).isEqualTo(Mta.QMAIL);
    assertThat(field.by()).isEmpty();
  }

  @Test
  void qmailSmtpdNamesTheHeloAndTheAddressInSeparateComments() {
    ReceivedField unknown =
        clean(
            "from unknown (HELO mail.example.com) (192.0.2.1) by mx.example.net with SMTP;"
                + " 23 Nov 2026 01:00:05 -0000");
    ReceivedField named =
        clean(
            "from mail.example.com (HELO smtp.example.com) (192.0.2.1) by mx.example.net with"
                + " ESMTPS; 23 Nov 2026 01:00:05 -0000");
    ReceivedField same =
        clean(
            "from mail.example.com (192.0.2.1) by mx.example.net with SMTP; 23 Nov 2026 01:00:05"
                + " -0000");

    assertThat(unknown.mta()).isEqualTo(Mta.QMAIL);
    assertThat(unknown.fromHostName()).isEmpty();
    assertThat(unknown.helo()).contains("mail.example.com");
    assertThat(unknown.fromAddress()).contains("192.0.2.1");
    assertThat(named.fromHostName()).contains("mail.example.com");
    assertThat(named.helo()).contains("smtp.example.com");
    assertThat(named.encrypted()).isTrue();
    assertThat(same.helo()).contains("mail.example.com");
    assertThat(same.fromAddress()).contains("192.0.2.1");
  }
}
