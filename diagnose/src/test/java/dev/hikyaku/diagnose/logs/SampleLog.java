package dev.hikyaku.diagnose.logs;

import java.util.List;

/**
 * A short, realistic log of an outbound relay, messages interleaved as in a real one: a delivered
 * message (3F1A...), one deferred by greylisting then delivered (4A0B...), a bounce with its
 * notification (5B1C... and 6C2D...), a NOQUEUE reject, and lines of other programs.
 */
final class SampleLog {

  private SampleLog() {}

  static final List<String> LINES =
      List.of(
          "Nov 23 10:15:01 mx1 postfix/smtpd[2001]: connect from app1.example.co.jp[192.0.2.10]",
          "Nov 23 10:15:01 mx1 postfix/smtpd[2001]: 3F1A2B4C5D: client=app1.example.co.jp[192.0.2.10], sasl_method=PLAIN, sasl_username=news",
          "Nov 23 10:15:01 mx1 postfix/cleanup[2002]: 3F1A2B4C5D: message-id=<20261123.1@news.example.co.jp>",
          "Nov 23 10:15:01 mx1 postfix/qmgr[900]: 3F1A2B4C5D: from=<news@example.co.jp>, size=4210, nrcpt=1 (queue active)",
          "Nov 23 10:15:01 mx1 postfix/smtpd[2001]: 4A0B1C2D3E: client=app1.example.co.jp[192.0.2.10], sasl_method=PLAIN, sasl_username=news",
          "Nov 23 10:15:02 mx1 postfix/cleanup[2002]: 4A0B1C2D3E: message-id=<20261123.2@news.example.co.jp>",
          "Nov 23 10:15:02 mx1 postfix/qmgr[900]: 4A0B1C2D3E: from=<news@example.co.jp>, size=20000, nrcpt=1 (queue active)",
          "Nov 23 10:15:02 mx1 dovecot: imap-login: Login: user=<someone>",
          "Nov 23 10:15:02 mx1 postfix/smtpd[2001]: disconnect from app1.example.co.jp[192.0.2.10] ehlo=1 auth=1 mail=2 rcpt=2 data=2 quit=1 commands=9",
          "Nov 23 10:15:03 mx1 postfix/smtp[3001]: Trusted TLS connection established to mx1.docomo.ne.jp[203.0.113.10]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
          "Nov 23 10:15:03 mx1 postfix/smtp[3002]: 4A0B1C2D3E: lost connection with gmail-smtp-in.l.google.com[192.0.2.27] while sending RCPT TO",
          "Nov 23 10:15:03 mx1 postfix/smtp[3001]: 3F1A2B4C5D: to=<hanako@docomo.ne.jp>, relay=mx1.docomo.ne.jp[203.0.113.10]:25, delay=1.8, delays=0.1/0.01/0.9/0.8, dsn=2.0.0, status=sent (250 2.0.0 OK 1700000000 - queued)",
          "Nov 23 10:15:03 mx1 postfix/smtp[3002]: 4A0B1C2D3E: to=<taro@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.27]:25, delay=2.1, delays=0.1/0/0.5/1.5, dsn=4.2.0, status=deferred (host gmail-smtp-in.l.google.com[192.0.2.27] said: 450 4.2.0 <taro@gmail.com>: Recipient address rejected: Greylisted, see https://postgrey.example/ (in reply to RCPT TO command))",
          "Nov 23 10:15:03 mx1 postfix/qmgr[900]: 3F1A2B4C5D: removed",
          "Nov 23 10:16:00 mx1 postfix/smtpd[2003]: connect from unknown[198.51.100.7]",
          "Nov 23 10:16:01 mx1 postfix/smtpd[2003]: NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 554 5.7.1 <spam@example.net>: Relay access denied; from=<x@example.net> to=<spam@example.net> proto=ESMTP helo=<x>",
          "Nov 23 10:16:01 mx1 postfix/smtpd[2003]: disconnect from unknown[198.51.100.7] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
          "Nov 23 10:17:00 mx1 postfix/smtpd[2004]: 5B1C2D3E4F: client=app2.example.co.jp[192.0.2.11], sasl_method=PLAIN, sasl_username=news",
          "Nov 23 10:17:00 mx1 postfix/cleanup[2002]: 5B1C2D3E4F: message-id=<20261123.3@news.example.co.jp>",
          "Nov 23 10:17:00 mx1 postfix/qmgr[900]: 5B1C2D3E4F: from=<news@example.co.jp>, size=5000, nrcpt=1 (queue active)",
          "Nov 23 10:17:01 mx1 postfix/smtp[3003]: 5B1C2D3E4F: to=<nobody@yahoo.co.jp>, relay=mx.yahoo.co.jp[192.0.2.40]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=5.1.1, status=bounced (host mx.yahoo.co.jp[192.0.2.40] said: 550 5.1.1 <nobody@yahoo.co.jp>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))",
          "Nov 23 10:17:01 mx1 postfix/cleanup[2002]: 6C2D3E4F5A: message-id=<20261123101701.6C2D3E4F5A@mx1.example.co.jp>",
          "Nov 23 10:17:01 mx1 postfix/bounce[3100]: 5B1C2D3E4F: sender non-delivery notification: 6C2D3E4F5A",
          "Nov 23 10:17:01 mx1 postfix/qmgr[900]: 5B1C2D3E4F: removed",
          "Nov 23 10:17:01 mx1 postfix/qmgr[900]: 6C2D3E4F5A: from=<>, size=6100, nrcpt=1 (queue active)",
          "Nov 23 10:17:02 mx1 postfix/smtp[3001]: 6C2D3E4F5A: to=<news@example.co.jp>, relay=mail.example.co.jp[192.0.2.5]:25, delay=0.2, delays=0/0/0.1/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 99AA88BB77)",
          "Nov 23 10:17:02 mx1 postfix/qmgr[900]: 6C2D3E4F5A: removed",
          "Nov 23 10:20:00 mx1 postfix/anvil[901]: statistics: max connection rate 2/60s for (smtp:192.0.2.10) at Nov 23 10:15:01",
          "Nov 23 10:26:02 mx1 postfix/qmgr[900]: 4A0B1C2D3E: from=<news@example.co.jp>, size=20000, nrcpt=1 (queue active)",
          "Nov 23 10:26:03 mx1 postfix/smtp[3004]: 4A0B1C2D3E: to=<taro@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.27]:25, delay=601, delays=600/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 OK 1700000600 - gsmtp)",
          "Nov 23 10:26:03 mx1 postfix/qmgr[900]: 4A0B1C2D3E: removed",
          "Nov 23 10:30:00 mx1 postfix/smtpd[2005]: warning: hostname x.example does not resolve to address 198.51.100.9",
          "Nov 23 10:30:00 mx1 postfix/smtpd[2005]: something this parser has never seen");

  /** One message whose lines straddle midnight on New Year's Eve, in classic syslog form. */
  static final List<String> YEAR_BOUNDARY =
      List.of(
          "Dec 31 23:59:58 mx1 postfix/pickup[10]: 1E2F3A4B5C: uid=1000 from=<cron@example.org>",
          "Dec 31 23:59:58 mx1 postfix/cleanup[11]: 1E2F3A4B5C: message-id=<new-year@example.org>",
          "Dec 31 23:59:59 mx1 postfix/qmgr[12]: 1E2F3A4B5C: from=<cron@example.org>, size=900, nrcpt=1 (queue active)",
          "Jan  1 00:00:03 mx1 postfix/local[13]: 1E2F3A4B5C: to=<root@example.org>, relay=local, delay=5, delays=1/0/0/4, dsn=2.0.0, status=sent (delivered to mailbox)",
          "Jan  1 00:00:03 mx1 postfix/qmgr[12]: 1E2F3A4B5C: removed");
}
