package dev.hikyaku.identity;

/** The three places where an admin can restrict which networks may act (seed 003). */
public enum IpScope {
  /** Signing in to and using the web console. */
  LOGIN,
  /** Starting, scheduling or approving a send. */
  SEND,
  /** Using an API token. */
  API;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
