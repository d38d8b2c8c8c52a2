package dev.hikyaku.diagnose.bounce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** VERP return paths encode a token and decode it back, refusing anything that is not ours. */
class VerpAddressTests {

  @Test
  void aTokenIsEncodedAfterThePrefixAndDecodedBack() {
    String address = VerpAddress.encode("q7Yx2Lm9-AbC_1", "Bounces.Example.JP");

    assertThat(address).isEqualTo("bounce+q7Yx2Lm9-AbC_1@bounces.example.jp");
    assertThat(VerpAddress.decode(address))
        .contains(new VerpAddress("q7Yx2Lm9-AbC_1", "bounces.example.jp"));
  }

  @Test
  void thePrefixIsMatchedInAnyCaseButTheTokenKeepsItsCase() {
    assertThat(VerpAddress.decode("<BOUNCE+AbC@BOUNCES.example.jp>"))
        .hasValueSatisfying(verp -> {
          assertThat(verp.token()).isEqualTo("AbC");
          assertThat(verp.domain()).isEqualTo("bounces.example.jp");
          assertThat(verp.isAt("Bounces.Example.JP")).isTrue();
          assertThat(verp.isAt("example.jp")).isFalse();
        });
  }

  @Test
  void theLongestTokenFitsTheLocalPartLimit() {
    String token = "a".repeat(VerpAddress.MAX_TOKEN_LENGTH);

    String address = VerpAddress.encode(token, "b.example.jp");

    assertThat(address.substring(0, address.indexOf('@'))).hasSize(64);
    assertThat(VerpAddress.decode(address)).isPresent();
    assertThat(VerpAddress.decode("bounce+" + token + "a@b.example.jp")).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "bounce@bounces.example.jp",
        "bounce+@bounces.example.jp",
        "bounces+abc@bounces.example.jp",
        "xbounce+abc@bounces.example.jp",
        "bounce+ab.c@bounces.example.jp",
        "bounce+ab+c@bounces.example.jp",
        "bounce+ab=c@bounces.example.jp",
        "bounce+ab/c@bounces.example.jp",
        "bounce+ab c@bounces.example.jp",
        "bounce+トークン@bounces.example.jp",
        "\"bounce+abc\"@bounces.example.jp",
        "bounce+abc",
        "bounce+abc@",
        "bounce+abc@bounces..example.jp",
        "bounce+abc@-bounces.example.jp",
        "bounce+abc@bounces.example.jp.",
        "bounce+abc@bounces_example.jp",
        "bounce+abc@例え.jp",
        "bounce+abc@[192.0.2.1]",
        "taro@example.jp"
      })
  void anythingElseIsNotOurs(String recipient) {
    assertThat(VerpAddress.decode(recipient)).isEmpty();
  }

  @Test
  void aTokenOutsideTheAlphabetCannotBeEncoded() {
    assertThatIllegalArgumentException().isThrownBy(() -> VerpAddress.encode("a.b", "example.jp"));
    assertThatIllegalArgumentException().isThrownBy(() -> VerpAddress.encode("", "example.jp"));
    assertThatIllegalArgumentException().isThrownBy(() -> VerpAddress.encode("abc", "exa mple.jp"));
  }
}
