package dev.hikyaku.diagnose.headers;

import static dev.hikyaku.diagnose.headers.ReceivedOpenSourceMtaTests.clean;
import static dev.hikyaku.diagnose.headers.ReceivedOpenSourceMtaTests.tls;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Received fields as Microsoft Exchange / Outlook.com and Gmail write them (invented). */
class ReceivedHostedMailTests {

  @Test
  void exchangeOnlineFrontendGivesHeloAddressAndTlsWithCommas() {
    ReceivedField field =
        clean(
            """
            from mail.example.com (198.51.100.7) by
            \tTY2PEPF0000AB12.mail.protection.outlook.com (10.167.243.10) with Microsoft SMTP
            \tServer (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id
            \t15.20.8182.16 via Frontend Transport; Mon, 23 Nov 2026 01:00:06 +0000\
            """);

    assertThat(field.from()).contains("mail.example.com");
    assertThat(field.helo()).contains("mail.example.com");
    assertThat(field.fromHostName()).isEmpty();
    assertThat(field.fromAddress()).contains("198.51.100.7");
    assertThat(field.by()).contains("TY2PEPF0000AB12.mail.protection.outlook.com");
    assertThat(field.with()).contains("Microsoft SMTP Server");
    assertThat(field.protocol().orElseThrow().kind()).isEqualTo(Protocol.Kind.MICROSOFT_SMTP);
    assertThat(field.tls()).isEqualTo(tls("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
    assertThat(field.id()).contains("15.20.8182.16");
    assertThat(field.via()).contains("Frontend Transport");
    assertThat(field.mta()).isEqualTo(Mta.MICROSOFT);
    assertThat(field.date()).contains(OffsetDateTime.parse("2026-11-23T01:00:06Z"));
  }

  @Test
  void exchangeOnlineInternalHopsUseBareIpv6Addresses() {
    ReceivedField field =
        clean(
            "from OS3P286CA0012.JPNP286.PROD.OUTLOOK.COM (2603:1096:604:1b3::9) by"
                + " TYCPR01MB8123.jpnprd01.prod.outlook.com (2603:1096:400:1c2::7) with Microsoft"
                + " SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id"
                + " 15.20.8182.17; Mon, 23 Nov 2026 01:00:07 +0000");

    assertThat(field.fromAddress()).contains("2603:1096:604:1b3::9");
    assertThat(field.encrypted()).isTrue();
  }

  @Test
  void exchangeMapiSubmissionHasALinkLocalAddressWithAZone() {
    ReceivedField field =
        clean(
            "from TYCPR01MB8123.jpnprd01.prod.outlook.com ([fe80::5d3a:9c1e:2b7f:41a0]) by"
                + " TYCPR01MB8123.jpnprd01.prod.outlook.com ([fe80::5d3a:9c1e:2b7f:41a0%5]) with"
                + " mapi id 15.20.8182.016; Mon, 23 Nov 2026 01:00:00 +0000");

    assertThat(field.fromAddress()).contains("fe80::5d3a:9c1e:2b7f:41a0");
    assertThat(field.protocol().orElseThrow().kind()).isEqualTo(Protocol.Kind.MAPI);
    assertThat(field.mta()).isEqualTo(Mta.MICROSOFT);
  }

  @Test
  void onPremisesExchangeWithABareTlsComment() {
    ReceivedField field =
        clean(
            "from EXCH01.corp.example.com (192.0.2.10) by EXCH02.corp.example.com (192.0.2.11)"
                + " with Microsoft SMTP Server (TLS) id 14.3.498.0; Mon, 23 Nov 2026 10:00:00"
                + " +0900");

    assertThat(field.tls()).contains(new TlsInfo(Optional.empty(), Optional.empty()));
    assertThat(field.encrypted()).isTrue();
  }

  @Test
  void gmailInboundNamesTheHeloAndTheReverseNameWithItsTrailingDot() {
    ReceivedField field =
        clean(
            """
            from mail.example.com (mail.example.com. [192.0.2.1])
            \tby mx.google.com with ESMTPS id d9443c01a7336-2140e3c5b1asi1234567b3.456.2026.11.23.01.00.05
            \tfor <yamada@example.net>
            \t(version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);
            \tMon, 23 Nov 2026 01:00:05 -0800 (PST)\
            """);

    assertThat(field.helo()).contains("mail.example.com");
    assertThat(field.fromHostName()).contains("mail.example.com");
    assertThat(field.fromAddress()).contains("192.0.2.1");
    assertThat(field.recipient()).contains("yamada@example.net");
    assertThat(field.tls()).isEqualTo(tls("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
    assertThat(field.mta()).isEqualTo(Mta.GMAIL);
    assertThat(field.date()).contains(OffsetDateTime.parse("2026-11-23T01:00:05-08:00"));
  }

  @Test
  void gmailSubmissionFromAPrivateNetworkRecordsThePublicAddress() {
    ReceivedField field =
        clean(
            "from [192.168.1.12] ([203.0.113.5]) by smtp.gmail.com with ESMTPSA id"
                + " 98e67ed59e1d1-2ee7a1b2c3dsm1234567a91.12.2026.11.23.01.00.00 for"
                + " <yamada@example.net> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384"
                + " bits=256/256); Mon, 23 Nov 2026 01:00:00 -0800 (PST)");

    assertThat(field.helo()).contains("[192.168.1.12]");
    assertThat(field.fromAddress()).contains("203.0.113.5");
    assertThat(field.protocol().orElseThrow().authenticated()).isTrue();
  }

  @Test
  void gmailInternalHopsHaveNoFromClause() {
    ReceivedField field =
        clean(
            "by 2002:a05:6a10:9e0c:b0:5a1:2b3c:4d5e with SMTP id x12csp1234567pxb; Mon, 23 Nov"
                + " 2026 01:00:06 -0800 (PST)");

    assertThat(field.from()).isEmpty();
    assertThat(field.by()).contains("2002:a05:6a10:9e0c:b0:5a1:2b3c:4d5e");
    assertThat(field.with()).contains("SMTP");
  }

  @Test
  void gmailBetweenItsOwnServersSaysGoogleTransportSecurity() {
    ReceivedField field =
        clean(
            "from mail-sor-f41.google.com (mail-sor-f41.google.com. [203.0.113.41]) by"
                + " mx.google.com with SMTPS id a1sor1234567pla.12.2026.11.23.01.00.05 for"
                + " <kato@example.com> (Google Transport Security); Mon, 23 Nov 2026 01:00:05"
                + " -0800 (PST)");

    assertThat(field.mta()).isEqualTo(Mta.GMAIL);
    assertThat(field.encrypted()).isTrue();
  }

  @Test
  void webmailOverHttp() {
    ReceivedField field =
        clean("by 2002:a17:906:1b2c:0:0:0:0 with HTTP; Mon, 23 Nov 2026 00:59:59 -0800 (PST)");

    assertThat(field.protocol().orElseThrow().kind()).isEqualTo(Protocol.Kind.HTTP);
  }
}
