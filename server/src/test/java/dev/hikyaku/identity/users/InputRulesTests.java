package dev.hikyaku.identity.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputRulesTests {

  @ParameterizedTest
  @ValueSource(strings = {"admin", "info", "office", "Support", "noreply", "soumu"})
  void genericUsernamesShouldBeRefused(String name) {
    assertThatThrownBy(() -> Usernames.check(name))
        .isInstanceOf(InvalidInputException.class)
        .extracting("code")
        .isEqualTo("username-generic");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "-x",
        "tanaka h",
        "田中",
        "x\r\ny",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void malformedUsernamesShouldBeRefused(String name) {
    assertThatThrownBy(() -> Usernames.check(name)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void personalUsernamesShouldBeLowercased() {
    assertThat(Usernames.check(" Tanaka.H ")).isEqualTo("tanaka.h");
  }

  @Test
  void linesShouldRefuseCrLfAndOverlongText() {
    assertThatThrownBy(() -> TextRules.requireLine("name", "Sato\r\nBcc: x", 128))
        .extracting("code")
        .isEqualTo("control-character");
    assertThatThrownBy(() -> TextRules.requireLine("name", "あ".repeat(129), 128))
        .extracting("code")
        .isEqualTo("too-long");
    assertThat(TextRules.requireLine("name", "佐藤 健", 128)).isEqualTo("佐藤 健");
  }

  @Test
  void passwordPolicyShouldExplainEachRefusal() {
    assertThatThrownBy(() -> PasswordPolicy.check("short", "short", "sato"))
        .extracting("code")
        .isEqualTo("password-short");
    assertThatThrownBy(() -> PasswordPolicy.check("a long passphrase", "a long passphrasE", "sato"))
        .extracting("code")
        .isEqualTo("password-mismatch");
    assertThatThrownBy(
            () -> PasswordPolicy.check("sato.k-is-my-name", "sato.k-is-my-name", "sato.k"))
        .extracting("code")
        .isEqualTo("password-username");
    assertThatThrownBy(() -> PasswordPolicy.check("aaaaaaaaaaaaaa", "aaaaaaaaaaaaaa", "sato"))
        .extracting("code")
        .isEqualTo("password-weak");
  }
}
