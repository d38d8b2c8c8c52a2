package dev.hikyaku.identity.settings;

import dev.hikyaku.identity.CurrentActor;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings an admin changes at run time (stored, audited), as opposed to start-up configuration.
 */
@Service
public class SettingsService {

  /** The settings there are, with their defaults. */
  public record Settings(boolean mfaRequiredForAll) {}

  private static final String MFA_ALL = "mfa.required-for-all";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CurrentActor actor;

  SettingsService(JdbcClient jdbc, Clock clock, CurrentActor actor) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.actor = actor;
  }

  public Settings current() {
    return new Settings(Boolean.parseBoolean(get(MFA_ALL, "false")));
  }

  @Transactional
  public Settings update(Settings wanted) {
    Settings before = current();
    put(MFA_ALL, Boolean.toString(wanted.mfaRequiredForAll()));
    if (!before.equals(wanted)) {
      actor.record("settings.update", "settings", before.toString(), wanted.toString());
    }
    return current();
  }

  private String get(String name, String fallback) {
    return jdbc.sql("SELECT val FROM setting WHERE name = :n")
        .param("n", name)
        .query(String.class)
        .optional()
        .orElse(fallback);
  }

  private void put(String name, String value) {
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    int n =
        jdbc.sql("UPDATE setting SET val = :v, updated_at = :t WHERE name = :n")
            .param("v", value)
            .param("t", now)
            .param("n", name)
            .update();
    if (n == 0) {
      jdbc.sql("INSERT INTO setting (name, val, updated_at) VALUES (:n, :v, :t)")
          .param("n", name)
          .param("v", value)
          .param("t", now)
          .update();
    }
  }
}
