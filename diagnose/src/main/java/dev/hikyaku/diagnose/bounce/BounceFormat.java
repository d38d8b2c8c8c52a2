package dev.hikyaku.diagnose.bounce;

/**
 * Where a delivery status report was read from: a standard report or a known mail system's text.
 */
public enum BounceFormat {
  /**
   * A {@code message/delivery-status} part (RFC 3464 §2) or its internationalised form {@code
   * message/global-delivery-status} (RFC 6533 §6.2).
   */
  RFC3464,
  /** qmail-send's text bounce ("Hi. This is the qmail-send program at ..."). */
  QMAIL,
  /** Exim's text bounce or delay warning, without a delivery-status part. */
  EXIM,
  /** Sendmail's text-only bounce ("----- The following addresses had permanent fatal errors"). */
  SENDMAIL,
  /** Postfix's human-readable text ("This is the mail system at host ...") on its own. */
  POSTFIX,
  /**
   * Microsoft Exchange or Office 365 non-delivery text ("Diagnostic information for
   * administrators").
   */
  EXCHANGE,
  /** Yahoo's and AOL's text bounce ("Sorry, we were unable to deliver your message ..."). */
  YAHOO,
  /** au by KDDI (EZweb, au.com, au one net) text bounces. */
  AU_KDDI
}
