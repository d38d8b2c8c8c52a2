package dev.hikyaku.diagnose.headers;

/**
 * The software that wrote a Received field, as far as its style tells; it decides which name in the
 * {@code from} clause is the sending host's HELO and which its reverse DNS name.
 */
public enum Mta {
  /** Postfix: {@code by mx.example.net (Postfix) with ESMTPS id ...}. */
  POSTFIX,
  /** Exim: {@code by mx.example.net with esmtps (TLS1.3) tls ... (Exim 4.96)}. */
  EXIM,
  /** Sendmail: {@code by mx.example.net (8.17.1/8.17.1) with ESMTP id ...}. */
  SENDMAIL,
  /** Microsoft Exchange and Outlook.com: {@code with Microsoft SMTP Server (version=...)}. */
  MICROSOFT,
  /** Gmail: {@code by mx.google.com with ESMTPS id ... (version=TLS1_3 cipher=...)}. */
  GMAIL,
  /** qmail: {@code (qmail 12345 invoked from network)} or {@code from host (HELO name) (ip)}. */
  QMAIL,
  /** Not recognised. */
  UNKNOWN
}
