package dev.hikyaku.diagnose.encoding;

import static dev.hikyaku.diagnose.encoding.TestMail.base64;
import static dev.hikyaku.diagnose.encoding.TestMail.bytes;
import static dev.hikyaku.diagnose.encoding.TestMail.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hikyaku.diagnose.headers.Severity;
import org.junit.jupiter.api.Test;

/** Parts: declared charsets against detected ones, missing labels, transfer encodings. */
class BodyEncodingTests {

  private static final EncodingAnalyzer ANALYZER = new EncodingAnalyzer();
  private static final String TEXT = "田中様\nいつもお世話になっております。\n来週の会議の資料をお送りします。\nよろしくお願いいたします。\n";
  private static final String READ = TEXT.replace("\n", " ").strip();

  private static PartText body(EncodingReport report) {
    assertThat(report.parts()).hasSize(1);
    return report.parts().getFirst();
  }

  @Test
  void shiftJisDeclaredAsIsoTwentyTwentyTwoShouldBeAMismatchWithAReadablePreview() {
    EncodingReport report =
        ANALYZER.analyze(
            single("text/plain; charset=ISO-2022-JP", "8bit", bytes(TEXT, "Shift_JIS")));

    PartText body = body(report);
    assertThat(body.where()).isEqualTo("body");
    assertThat(body.declaredCharset()).contains("ISO-2022-JP");
    assertThat(body.detectedCharsetName()).isEqualTo("Shift_JIS");
    assertThat(body.declaredDecoding()).isInstanceOf(DeclaredDecoding.Replacements.class);
    assertThat(body.preview())
        .hasValueSatisfying(p -> {
          assertThat(p.charset()).isEqualTo("windows-31j");
          assertThat(p.text()).isEqualTo(READ);
        });
    assertThat(report.findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.code()).isEqualTo("body.charset-mismatch");
          assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
          assertThat(f.cause())
              .isEqualTo(
                  "body (text/plain) is declared charset=ISO-2022-JP but the bytes are Shift_JIS:"
                      + " decoding them as declared gives "
                      + ((DeclaredDecoding.Replacements) body.declaredDecoding()).count()
                      + " replacement characters (mojibake)");
          assertThat(f.fix()).contains("preferably UTF-8", "the preview is read as Shift_JIS");
        });
  }

  @Test
  void utf8WithoutACharsetParameterShouldBeNamed() {
    EncodingReport report = ANALYZER.analyze(single("text/plain", "8bit", bytes(TEXT, "UTF-8")));

    assertThat(body(report).declaredDecoding())
        .isEqualTo(new DeclaredDecoding.NotChecked("no charset declared"));
    assertThat(body(report).preview())
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(READ));
    assertThat(report.findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.code()).isEqualTo("body.charset-missing");
          assertThat(f.cause()).contains("holds UTF-8 text", "no charset parameter");
          assertThat(f.fix()).contains("Content-Type: text/plain; charset=UTF-8");
        });
  }

  @Test
  void aBareEightBitMessageShouldLackMimeVersionCharsetAndTransferEncoding() {
    byte[] message = TestMail.of(TestMail.header("hello"), "\n", bytes(TEXT, "UTF-8"));

    EncodingReport report = ANALYZER.analyze(message);

    assertThat(report.mimeVersion()).isFalse();
    assertThat(report.findings())
        .extracting(EncodingFinding::code)
        .containsExactly("mime.version-missing", "transfer.8bit-as-7bit", "body.charset-missing");
    assertThat(report.withCode("transfer.8bit-as-7bit").getFirst().cause())
        .contains("missing, which means 7bit (RFC 2045 §6.1)");
  }

  @Test
  void mimeFieldsWithoutMimeVersionShouldBeAWarning() {
    byte[] message =
        TestMail.of(
            TestMail.header("hello"),
            "Content-Type: text/plain; charset=ISO-2022-JP\n\n",
            bytes(TEXT, "ISO-2022-JP"));

    EncodingReport report = ANALYZER.analyze(message);

    assertThat(report.findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.code()).isEqualTo("mime.version-missing");
          assertThat(f.where()).isEqualTo("MIME-Version");
          assertThat(f.fix()).contains("MIME-Version: 1.0");
        });
  }

  @Test
  void eightBitBytesDeclaredSevenBitShouldBeAWarning() {
    EncodingReport report =
        ANALYZER.analyze(single("text/plain; charset=UTF-8", "7bit", bytes(TEXT, "UTF-8")));

    assertThat(report.findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.code()).isEqualTo("transfer.8bit-as-7bit");
          assertThat(f.cause()).contains("Content-Transfer-Encoding is 7bit", "8BITMIME");
        });
  }

  @Test
  void shiftJisDeclaredUtf8InBase64ShouldBeAMismatch() {
    EncodingReport report =
        ANALYZER.analyze(
            single(
                "text/plain; charset=\"utf-8\"",
                "base64",
                bytes(base64(TEXT, "Shift_JIS"), "US-ASCII")));

    assertThat(body(report).detectedCharsetName()).isEqualTo("Shift_JIS");
    assertThat(body(report).preview())
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(READ));
    assertThat(report.withCode("body.charset-mismatch")).hasSize(1);
  }

  @Test
  void utf8DeclaredShiftJisShouldBeAMismatch() {
    EncodingReport report =
        ANALYZER.analyze(single("text/plain; charset=Shift_JIS", "8bit", bytes(TEXT, "UTF-8")));

    assertThat(report.withCode("body.charset-mismatch"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("Shift_JIS but the bytes are UTF-8"));
  }

  @Test
  void utf8DeclaredLatinOneShouldBeImplausibleThoughEveryByteDecodes() {
    String quoted = "Caf=C3=A9 =E4=BC=9A=E8=AD=B0=E3=81=AE=E3=81=8A=E7=9F=A5=E3=82=89=E3=81=9B\n";
    EncodingReport report =
        ANALYZER.analyze(
            single("text/plain; charset=ISO-8859-1", "quoted-printable", bytes(quoted, "ASCII")));

    assertThat(body(report).declaredDecoding())
        .isInstanceOfSatisfying(
            DeclaredDecoding.Implausible.class, i -> assertThat(i.sample()).startsWith("Caf"));
    assertThat(body(report).preview())
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("Café 会議のお知らせ"));
    assertThat(report.withCode("body.charset-mismatch"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("implausible text"));
  }

  @Test
  void shiftJisDeclaredLatinOneShouldBeAMismatchBecauseItReadsAsControlCharacters() {
    EncodingReport report =
        ANALYZER.analyze(
            single("text/plain; charset=iso-8859-1", "8bit", bytes(TEXT, "Shift_JIS")));

    assertThat(body(report).declaredDecoding()).isInstanceOf(DeclaredDecoding.Implausible.class);
    assertThat(report.withCode("body.charset-mismatch"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("the bytes are Shift_JIS"));
  }

  @Test
  void aMadeUpTransferEncodingShouldBeAWarning() {
    EncodingReport report =
        ANALYZER.analyze(single("text/plain; charset=UTF-8", "utf-8", bytes(TEXT, "UTF-8")));

    assertThat(body(report).transferEncoding()).contains("utf-8");
    assertThat(report.withCode("transfer.unknown")).hasSize(1);
    assertThat(report.findings()).hasSize(1);
  }

  @Test
  void rawEightBitBytesInsideBase64ShouldBeAWarning() {
    byte[] body = TestMail.of(base64("テスト", "UTF-8"), bytes("テスト\n", "UTF-8"));

    EncodingReport report = ANALYZER.analyze(single("text/plain; charset=UTF-8", "base64", body));

    assertThat(report.withCode("transfer.8bit-in-encoded")).hasSize(1);
  }

  @Test
  void unregisteredAndUnknownBodyCharsetsShouldBeNamed() {
    EncodingReport alias =
        ANALYZER.analyze(single("text/plain; charset=x-sjis", "8bit", bytes(TEXT, "Shift_JIS")));
    EncodingReport unknown =
        ANALYZER.analyze(
            single("text/plain; charset=x-no-such-set", "8bit", bytes(TEXT, "Shift_JIS")));

    assertThat(alias.findings())
        .extracting(EncodingFinding::code)
        .containsExactly("body.charset-label");
    assertThat(body(alias).declaredDecoding()).isInstanceOf(DeclaredDecoding.Clean.class);
    assertThat(unknown.findings())
        .extracting(EncodingFinding::code)
        .containsExactly("body.charset-unknown");
    assertThat(body(unknown).declaredDecoding())
        .isEqualTo(new DeclaredDecoding.UnknownCharset("x-no-such-set"));
    assertThat(body(unknown).preview())
        .hasValueSatisfying(p -> assertThat(p.text()).isEqualTo(READ));
  }

  @Test
  void eachLeafPartShouldBeNumberedAsImapDoes() {
    byte[] message =
        TestMail.of(
            "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=outer\n\n",
            "--outer\nContent-Type: multipart/alternative; boundary=inner\n\n",
            "--inner\nContent-Type: text/plain; charset=ISO-2022-JP\n\n",
            bytes(TEXT, "Shift_JIS"),
            "\n--inner\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n",
            base64("<p>" + TEXT + "</p>", "UTF-8"),
            "--inner--\n--outer\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n",
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\n",
            "--outer--\n");

    EncodingReport report = ANALYZER.analyze(message);

    assertThat(report.parts())
        .extracting(PartText::where)
        .containsExactly("part 1.1", "part 1.2", "part 2");
    assertThat(report.parts().get(2).detected())
        .isEqualTo(new Detection.Undetermined("not a text part"));
    assertThat(report.parts().get(2).preview()).isEmpty();
    assertThat(report.findings())
        .extracting(EncodingFinding::code, EncodingFinding::where)
        .containsExactly(
            tuple("transfer.8bit-as-7bit", "part 1.1"), tuple("body.charset-mismatch", "part 1.1"));
  }
}
