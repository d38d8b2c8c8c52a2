package dev.hikyaku.diagnosis.intake;

/**
 * Seed 000's four places where mail trouble lies, and the verdict that the evidence does not decide
 * between them. Labels and explanations are {@code intake.place.<name>} in the bundles.
 */
public enum TroublePlace {
  /** The other party: their terminal, their address, their mail system (相手の送信端末). */
  SENDER_SIDE,
  /** Our mail server or mail service (メールサーバー). */
  MAIL_SERVER,
  /** The company network between the terminals and the server: proxy, firewall (社内ネットワーク). */
  INTERNAL_NETWORK,
  /** The person's PC or phone and their mail software (個人の送受信端末とメールソフト). */
  CLIENT,
  /** No place stands out: no evidence, or equal evidence for two places. */
  UNDETERMINED
}
