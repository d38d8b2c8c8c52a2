package dev.hikyaku.identity.mfa;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.settings.SettingsService;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.identity.users.UserRepository;
import dev.hikyaku.platform.SecretBox;
import dev.hikyaku.platform.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP enrolment and verification, and recovery codes. Secrets are sealed with the master key;
 * recovery codes are stored as hashes and each works once.
 */
@Service
public class MfaService {

  /** RFC 6238 §5.2: accept one step of clock drift either way. */
  private static final int WINDOW = 1;

  private static final int RECOVERY_CODES = 10;
  private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  private final UserRepository users;
  private final SecretBox box;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final SettingsService settings;
  private final CurrentActor actor;
  private final Totp totp = Totp.standard();
  private final SecureRandom random = new SecureRandom();

  MfaService(
      UserRepository users,
      SecretBox box,
      JdbcClient jdbc,
      Clock clock,
      SettingsService settings,
      CurrentActor actor) {
    this.actor = actor;
    this.users = users;
    this.box = box;
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  /** Whether {@code user} must have MFA: admins and approvers always, everyone if so set. */
  public boolean required(User user) {
    return required(user.roles());
  }

  /** Whether holders of {@code roles} must have MFA. */
  public boolean required(java.util.Set<Role> roles) {
    return roles.stream().anyMatch(Role::requiresMfa) || settings.current().mfaRequiredForAll();
  }

  /** A fresh 160-bit secret (RFC 4226 §4 recommends 160 bits). */
  public byte[] newSecret() {
    byte[] secret = new byte[20];
    random.nextBytes(secret);
    return secret;
  }

  /** The {@code otpauth://} URI that authenticator apps read from the QR code. */
  public String otpauthUri(String username, byte[] secret) {
    String label =
        URLEncoder.encode("Hikyaku:" + username, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/"
        + label
        + "?secret="
        + Base32.encode(secret).replace("=", "")
        + "&issuer=Hikyaku&algorithm=SHA1&digits=6&period=30";
  }

  /**
   * Completes enrolment if {@code code} matches {@code secret} now; returns the recovery codes to
   * show once, or an empty list if the code is wrong.
   */
  @Transactional
  public List<String> enrol(User user, byte[] secret, String code) {
    var step = totp.verify(secret, normalise(code), clock.instant(), WINDOW, Long.MIN_VALUE);
    if (step.isEmpty()) {
      return List.of();
    }
    users.setTotp(user.id(), box.seal(purpose(user), secret), step.getAsLong(), clock.instant());
    jdbc.sql("DELETE FROM recovery_code WHERE user_id = :u").param("u", user.id()).update();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String c = recoveryCode();
      codes.add(c);
      jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (:u, :h)")
          .param("u", user.id())
          .param("h", Tokens.sha256(c))
          .update();
    }
    actor.record(
        "mfa.enrol",
        "user:" + user.username(),
        "mfa=false",
        "mfa=totp; recovery codes=" + codes.size());
    return codes;
  }

  /** The second factor at login: a current TOTP code (once) or an unused recovery code. */
  @Transactional
  public Verification verify(User user, String code) {
    if (!user.mfaEnrolled() || code == null) {
      return Verification.FAILED;
    }
    String c = normalise(code);
    if (c.length() == 6 && c.chars().allMatch(Character::isDigit)) {
      byte[] secret = box.open(purpose(user), user.totpSecretSealed());
      var step = totp.verify(secret, c, clock.instant(), WINDOW, user.totpLastStep());
      if (step.isPresent() && users.useTotpStep(user.id(), step.getAsLong(), clock.instant())) {
        return Verification.TOTP;
      }
      return Verification.FAILED;
    }
    int used =
        jdbc.sql(
                "UPDATE recovery_code SET used_at = :now WHERE user_id = :u AND code_hash = :h"
                    + " AND used_at IS NULL")
            .param("now", OffsetDateTime.now(clock))
            .param("u", user.id())
            .param("h", Tokens.sha256(c))
            .update();
    return used == 1 ? Verification.RECOVERY_CODE : Verification.FAILED;
  }

  public long unusedRecoveryCodes(long userId) {
    return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = :u AND used_at IS NULL")
        .param("u", userId)
        .query(Long.class)
        .single();
  }

  /** How a second factor check came out. */
  public enum Verification {
    TOTP,
    RECOVERY_CODE,
    FAILED
  }

  private String recoveryCode() {
    StringBuilder b = new StringBuilder(11);
    for (int i = 0; i < 10; i++) {
      if (i == 5) {
        b.append('-');
      }
      b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
    }
    return b.toString();
  }

  private static String normalise(String code) {
    return code == null ? "" : code.strip().replace(" ", "").toLowerCase(Locale.ROOT);
  }

  private static String purpose(User user) {
    return "totp:" + user.id();
  }
}
