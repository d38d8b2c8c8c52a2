package dev.hikyaku.identity.users;

import dev.hikyaku.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a username may be. Accounts belong to one person (seed 003: IDs are never shared), so names
 * that denote a function or a group rather than a person are refused.
 */
public final class Usernames {

  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private static final Set<String> GENERIC =
      Set.of(
          "admin",
          "administrator",
          "root",
          "user",
          "users",
          "test",
          "guest",
          "shared",
          "common",
          "info",
          "support",
          "sales",
          "office",
          "staff",
          "team",
          "all",
          "everyone",
          "mail",
          "postmaster",
          "webmaster",
          "hostmaster",
          "abuse",
          "noreply",
          "no-reply",
          "system",
          "operator",
          "approver",
          "author",
          "auditor",
          "marketing",
          "newsletter",
          "general",
          "soumu",
          "eigyo",
          "jimu",
          "kanri",
          "daihyo");

  private Usernames() {}

  public static String check(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("username", "required", "username is required");
    }
    String u = raw.strip().toLowerCase(Locale.ROOT);
    if (u.length() > 64) {
      throw new InvalidInputException("username", "too-long", "username is longer than 64");
    }
    if (!SHAPE.matcher(u).matches()) {
      throw new InvalidInputException(
          "username",
          "username-shape",
          "username: 2 to 64 of a-z 0-9 . _ - , starting with a letter or digit");
    }
    if (GENERIC.contains(u)) {
      throw new InvalidInputException(
          "username",
          "username-generic",
          "'" + u + "' names a function, not a person; accounts are personal (e.g. tanaka.h)");
    }
    return u;
  }
}
