package dev.hikyaku.diagnose.encoding;

import static dev.hikyaku.diagnose.encoding.TestMail.base64;
import static dev.hikyaku.diagnose.encoding.TestMail.bytes;
import static dev.hikyaku.diagnose.encoding.TestMail.word;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Well-made messages, in UTF-8 and in ISO-2022-JP, give no findings. */
class CleanMessageTests {

  private static final EncodingAnalyzer ANALYZER = new EncodingAnalyzer();
  private static final String TEXT = "田中様\n\nいつもお世話になっております。\n第３回の会議は11月30日です。\n\n佐藤\n";

  @Test
  void aCleanUtf8MessageShouldHaveNoFindings() {
    byte[] message =
        TestMail.of(
            "From: ",
            word("UTF-8", "佐藤 花子"),
            " <sato@example.jp>\nTo: tanaka@example.co.jp\nSubject: ",
            word("UTF-8", "会議のお知らせ"),
            "\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n--b\n",
            "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n",
            base64(TEXT, "UTF-8"),
            "--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n",
            bytes("<p>" + TEXT + "</p>\n", "UTF-8"),
            "--b--\n");

    EncodingReport report = ANALYZER.analyze(message);

    assertThat(report.findings()).isEmpty();
    assertThat(report.mimeVersion()).isTrue();
    assertThat(report.headers())
        .extracting(HeaderText::where, HeaderText::decoded)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("From", "佐藤 花子 <sato@example.jp>"),
            org.assertj.core.groups.Tuple.tuple("Subject", "会議のお知らせ"));
    assertThat(report.parts())
        .allSatisfy(p -> {
          assertThat(p.detectedCharsetName()).isEqualTo("UTF-8");
          assertThat(p.declaredDecoding()).isInstanceOf(DeclaredDecoding.Clean.class);
          assertThat(p.problems()).isEmpty();
        });
    assertThat(report.parts().getFirst().preview())
        .hasValueSatisfying(
            p -> assertThat(p.text()).isEqualTo("田中様 いつもお世話になっております。 第３回の会議は11月30日です。 佐藤"));
  }

  @Test
  void aCleanIsoTwentyTwentyTwoMessageShouldHaveNoFindings() {
    byte[] message =
        TestMail.of(
            TestMail.header(word("ISO-2022-JP", "会議のお知らせ")),
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\n",
            "Content-Transfer-Encoding: 7bit\n\n",
            bytes(TEXT, "ISO-2022-JP"));

    EncodingReport report = ANALYZER.analyze(message);

    assertThat(report.findings()).isEmpty();
    assertThat(report.parts())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.detectedCharsetName()).isEqualTo("ISO-2022-JP");
          assertThat(p.declaredDecoding()).isInstanceOf(DeclaredDecoding.Clean.class);
          assertThat(p.preview()).hasValueSatisfying(v -> assertThat(v.text()).startsWith("田中様"));
        });
  }

  @Test
  void aPlainAsciiMessageShouldListNothing() {
    EncodingReport report =
        ANALYZER.analyze(TestMail.of(TestMail.header("Hello"), "\nJust ASCII.\n"));

    assertThat(report.findings()).isEmpty();
    assertThat(report.headers()).isEmpty();
    assertThat(report.parts())
        .singleElement()
        .satisfies(p -> assertThat(p.detectedCharsetName()).isEqualTo("US-ASCII"));
  }
}
