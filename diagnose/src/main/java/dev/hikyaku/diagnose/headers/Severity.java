package dev.hikyaku.diagnose.headers;

/** How much a finding matters, in rising order. */
public enum Severity {
  /** Worth knowing; nothing is wrong. */
  INFO,
  /** Something looks wrong or may cause trouble. */
  WARNING,
  /** Something is wrong and explains trouble, such as a long delay. */
  PROBLEM
}
