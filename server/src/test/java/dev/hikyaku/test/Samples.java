package dev.hikyaku.test;

/** Sample inputs shared by the tests of the CLI and of the console's diagnosis pages. */
public final class Samples {

  private Samples() {}

  /**
   * A short Postfix log: one message deferred then delivered, one bounced with its non-delivery
   * notification, a NOQUEUE reject and a line that is not syslog.
   */
  public static final String POSTFIX_LOG =
      """
      Nov 23 10:00:01 relay1 postfix/smtpd[100]: connect from app.example.co.jp[192.0.2.10]
      Nov 23 10:00:01 relay1 postfix/smtpd[100]: 1A2B3C4D5E: client=app.example.co.jp[192.0.2.10]
      Nov 23 10:00:01 relay1 postfix/cleanup[101]: 1A2B3C4D5E: message-id=<n1@news.example.co.jp>
      Nov 23 10:00:01 relay1 postfix/qmgr[900]: 1A2B3C4D5E: from=<news@example.co.jp>, size=4000, nrcpt=1 (queue active)
      Nov 23 10:00:02 relay1 postfix/smtp[200]: 1A2B3C4D5E: to=<a@docomo.ne.jp>, relay=mx1.docomo.ne.jp[203.0.113.1]:25, delay=1.2, delays=0.1/0/0.3/0.8, dsn=4.2.0, status=deferred (host mx1.docomo.ne.jp[203.0.113.1] said: 450 4.2.0 Greylisted (in reply to RCPT TO command))
      Nov 23 10:05:02 relay1 postfix/smtp[201]: 1A2B3C4D5E: to=<a@docomo.ne.jp>, relay=mx1.docomo.ne.jp[203.0.113.1]:25, delay=301, delays=300/0/0.3/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK)
      Nov 23 10:05:02 relay1 postfix/qmgr[900]: 1A2B3C4D5E: removed
      Nov 23 10:06:00 relay1 postfix/smtpd[102]: 2B3C4D5E6F: client=app.example.co.jp[192.0.2.10]
      Nov 23 10:06:00 relay1 postfix/cleanup[103]: 2B3C4D5E6F: message-id=<n2@news.example.co.jp>
      Nov 23 10:06:00 relay1 postfix/qmgr[900]: 2B3C4D5E6F: from=<news@example.co.jp>, size=5000, nrcpt=1 (queue active)
      Nov 23 10:06:01 relay1 postfix/smtp[202]: 2B3C4D5E6F: to=<gone@example.org>, relay=mx.example.org[198.51.100.2]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=5.1.1, status=bounced (host mx.example.org[198.51.100.2] said: 550 5.1.1 <gone@example.org>: User unknown (in reply to RCPT TO command))
      Nov 23 10:06:01 relay1 postfix/cleanup[103]: 3C4D5E6F70: message-id=<3C4D5E6F70@relay1.example.co.jp>
      Nov 23 10:06:01 relay1 postfix/bounce[204]: 2B3C4D5E6F: sender non-delivery notification: 3C4D5E6F70
      Nov 23 10:06:01 relay1 postfix/qmgr[900]: 2B3C4D5E6F: removed
      Nov 23 10:07:00 relay1 postfix/smtpd[104]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 <x@example.net>: Relay access denied; from=<s@example.net> to=<x@example.net> proto=ESMTP helo=<x>
      garbage line that is not syslog
      """;
}
