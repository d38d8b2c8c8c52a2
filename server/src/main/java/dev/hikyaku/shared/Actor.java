package dev.hikyaku.shared;

import java.util.Objects;

/**
 * Who did something: a person signed in to the console, a person's API token, the CLI run by an
 * operating-system user, the system itself, or nobody yet known (a failed login).
 *
 * @param kind how the actor reached Hikyaku
 * @param name the username (for people), the OS user (for the CLI), or a fixed label
 * @param detail extra context such as the API token's public id; may be empty
 */
public record Actor(Kind kind, String name, String detail) {

  /** How an actor reached Hikyaku. */
  public enum Kind {
    USER,
    API_TOKEN,
    CLI,
    SYSTEM,
    ANONYMOUS
  }

  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    detail = detail == null ? "" : detail;
  }

  public static Actor user(String username) {
    return new Actor(Kind.USER, username, "");
  }

  public static Actor apiToken(String username, String tokenId) {
    return new Actor(Kind.API_TOKEN, username, tokenId);
  }

  public static Actor cli() {
    return new Actor(Kind.CLI, System.getProperty("user.name", "unknown"), "");
  }

  public static Actor system() {
    return new Actor(Kind.SYSTEM, "hikyaku", "");
  }

  public static Actor anonymous(String claimedName) {
    return new Actor(Kind.ANONYMOUS, claimedName == null ? "" : claimedName, "");
  }

  /** The form written to the operation log, e.g. {@code user:sato} or {@code token:sato/hk3x}. */
  public String label() {
    return switch (kind) {
      case USER -> "user:" + name;
      case API_TOKEN -> "token:" + name + "/" + detail;
      case CLI -> "cli:" + name;
      case SYSTEM -> "system";
      case ANONYMOUS -> name.isEmpty() ? "anonymous" : "anonymous:" + name;
    };
  }
}
