package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** The ISO-2022-JP (RFC 1468) writer: normalisation, escape structure, round trips. */
class Iso2022JpTests {

  private static final Charset JIS = Charset.forName("ISO-2022-JP");

  @Test
  void windowsSiblingsShouldBeNormalisedToTheirJisCharacters() {
    assertThat(Iso2022Jp.normalise("10時～12時 ∥ －5 ￠￡￢")).isEqualTo("10時〜12時 ‖ −5 ¢£¬");
  }

  @Test
  void halfWidthKatakanaShouldBecomeFullWidthWithVoicingMarksCombined() {
    assertThat(Iso2022Jp.normalise("ｶﾞｲﾄﾞﾌﾞｯｸ ﾊﾟﾝ｡")).isEqualTo("ガイドブック パン。");
  }

  @Test
  void textWithoutAnythingToNormaliseShouldBeReturnedAsItIs() {
    String text = "こんにちは、世界";
    assertThat(Iso2022Jp.normalise(text)).isSameAs(text);
  }

  @Test
  void encodedTextShouldSwitchToJisAndBackToAscii() {
    byte[] bytes = Iso2022Jp.encode("a日本b");
    assertThat(bytes)
        .containsExactly('a', 0x1B, '$', 'B', 0x46, 0x7C, 0x4B, 0x5C, 0x1B, '(', 'B', 'b');
  }

  @Test
  void encodedTextShouldAlwaysEndInAscii() {
    byte[] bytes = Iso2022Jp.encode("日本");
    assertThat(new String(bytes, bytes.length - 3, 3, JIS)).isEqualTo("");
    assertThat(bytes[bytes.length - 3]).isEqualTo((byte) 0x1B);
    assertThat(bytes[bytes.length - 2]).isEqualTo((byte) '(');
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 'B');
  }

  @Test
  void waveDashTypedAsFullwidthTildeShouldRoundTripAsWaveDash() {
    String typed = "営業時間 9:00～18:00";
    byte[] bytes = Iso2022Jp.encode(Iso2022Jp.normalise(typed));
    assertThat(new String(bytes, JIS)).isEqualTo("営業時間 9:00〜18:00");
    assertThat(bytes).contains(0x21, 0x41); // JIS 0x2141 WAVE DASH
  }

  @Test
  void everyJisX0208CharacterShouldRoundTripThroughTheJdkDecoder() {
    StringBuilder all = new StringBuilder();
    for (char c = 0x80; c < 0xFFFF; c++) {
      if (Iso2022Jp.canEncode(c) && c != '\u2015') {
        all.append(c);
      }
    }
    assertThat(all.length()).isEqualTo(6879); // JIS X 0208:1990 has 6879 characters
    assertThat(new String(Iso2022Jp.encode(all), JIS)).isEqualTo(all.toString());
  }

  @Test
  void characterOutsideJisX0208ShouldNotBeEncodable() {
    assertThat("①㈱髙😀～\u001B".codePoints().filter(Iso2022Jp::canEncode)).isEmpty();
    assertThat("Aあ〜‖−ー".codePoints().allMatch(Iso2022Jp::canEncode)).isTrue();
  }

  @Test
  void horizontalBarShouldBeWrittenAsJisDash() {
    assertThat(Iso2022Jp.encode("\u2015")).isEqualTo(Iso2022Jp.encode("\u2014"));
  }
}
