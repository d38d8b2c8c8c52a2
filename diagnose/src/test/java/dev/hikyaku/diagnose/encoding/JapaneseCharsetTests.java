package dev.hikyaku.diagnose.encoding;

import static dev.hikyaku.diagnose.encoding.TestMail.bytes;
import static dev.hikyaku.diagnose.encoding.TestMail.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The troubles peculiar to Japanese mail: ISO-2022-JP without its final escape, with half-width
 * katakana or with Windows-only characters, and CP932 characters under a Shift_JIS label.
 */
class JapaneseCharsetTests {

  private static final EncodingAnalyzer ANALYZER = new EncodingAnalyzer();

  private static EncodingReport iso2022jp(byte[] body) {
    return ANALYZER.analyze(single("text/plain; charset=ISO-2022-JP", "7bit", body));
  }

  @Test
  void isoTwentyTwentyTwoWithoutEscapesBackToAsciiShouldBeUnterminated() {
    // An old converter that switches to ASCII only at the very end, if at all.
    byte[] text = bytes("会議\n資料\n", "ISO-2022-JP");
    byte[] open = TestMail.of(new byte[] {0x1B, '$', 'B'}, jis("会議"), "\n", jis("資料"), "\n");

    EncodingReport report = iso2022jp(open);

    assertThat(iso2022jp(text).findings()).isEmpty();
    assertThat(report.withCode("iso2022jp.unterminated"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.cause()).contains("before 2 line ends nor at its end", "RFC 1468"));
    assertThat(report.parts().getFirst().preview())
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("会議 資料"));
  }

  @Test
  void halfWidthKatakanaInIsoTwentyTwentyTwoShouldBeNamed() {
    // The JDK's encoder writes half-width katakana with ESC ( I, as some old mailers did.
    EncodingReport report = iso2022jp(bytes("ﾃｽﾄのお知らせ\n", "ISO-2022-JP"));

    assertThat(report.withCode("iso2022jp.half-width-katakana"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("3 half-width katakana", "RFC 1468"));
    assertThat(report.parts().getFirst().preview())
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("ﾃｽﾄのお知らせ"));
  }

  @Test
  void windowsCharactersInStrictIsoTwentyTwentyTwoShouldBeNamedAndStillShown() {
    EncodingReport report = iso2022jp(bytes("①会議は㈱本社で\n", "x-windows-iso2022jp"));

    PartText body = report.parts().getFirst();
    assertThat(body.declaredDecoding()).isInstanceOf(DeclaredDecoding.Replacements.class);
    assertThat(body.preview())
        .hasValueSatisfying(p -> {
          assertThat(p.charset()).isEqualTo("x-windows-iso2022jp");
          assertThat(p.text()).isEqualTo("①会議は㈱本社で");
        });
    assertThat(report.findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.code()).isEqualTo("iso2022jp.windows-characters");
          assertThat(f.cause()).contains("(①, ㈱)", "CP50220");
          assertThat(f.fix()).contains("UTF-8", "機種依存文字");
        });
  }

  @Test
  void cp932CharactersUnderAShiftJisLabelShouldBeNamed() {
    byte[] text = bytes("髙橋様\n①の件、～で承知しました。\n", "windows-31j");

    EncodingReport shiftJis =
        ANALYZER.analyze(single("text/plain; charset=Shift_JIS", "8bit", text));
    EncodingReport windows =
        ANALYZER.analyze(single("text/plain; charset=Windows-31J", "8bit", text));

    assertThat(shiftJis.findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.code()).isEqualTo("charset.cp932-characters");
          assertThat(f.cause()).contains("髙", "①", "～");
        });
    assertThat(shiftJis.parts().getFirst().preview())
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("髙橋様 ①の件、～で承知しました。"));
    assertThat(windows.findings()).isEmpty();
  }

  @Test
  void eucJpDeclaredAsShiftJisShouldBeAMismatch() {
    EncodingReport report =
        ANALYZER.analyze(
            single("text/plain; charset=Shift_JIS", "8bit", bytes("ご注文ありがとうございます。\n", "EUC-JP")));

    assertThat(report.withCode("body.charset-mismatch"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("the bytes are EUC-JP"));
    assertThat(report.parts().getFirst().preview())
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("ご注文ありがとうございます。"));
  }

  /** {@code text} as JIS X 0208 bytes, without escape sequences. */
  private static byte[] jis(String text) {
    byte[] iso = bytes(text, "ISO-2022-JP");
    return Arrays.copyOfRange(iso, 3, iso.length - 3);
  }
}
