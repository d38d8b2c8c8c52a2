package dev.hikyaku.diagnose.domain;

/** How one item of a domain check came out, in rising order of concern. */
public enum CheckStatus {
  /** Fine. */
  PASS,
  /** Worth knowing; nothing to fix. */
  INFO,
  /** Works, but a receiver may count it against the domain, or it will break soon. */
  WARN,
  /** Broken, or a receiver will reject or junk mail because of it. */
  FAIL
}
