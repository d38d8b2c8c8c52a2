package dev.hikyaku.diagnose.encoding;

import static dev.hikyaku.diagnose.encoding.TestMail.bytes;
import static dev.hikyaku.diagnose.encoding.TestMail.word;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.diagnose.headers.Severity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header fields: raw 8-bit bytes, RFC 2047 encoded-words, their charsets and how they break. */
class HeaderEncodingTests {

  private static final EncodingAnalyzer ANALYZER = new EncodingAnalyzer();
  private static final String SUBJECT = "会議のお知らせ（第３回）";

  private static EncodingReport analyze(Object... subjectPieces) {
    Object[] pieces = new Object[subjectPieces.length + 2];
    pieces[0] = "From: sender@example.jp\nTo: tanaka@example.co.jp\nMIME-Version: 1.0\nSubject: ";
    System.arraycopy(subjectPieces, 0, pieces, 1, subjectPieces.length);
    pieces[pieces.length - 1] = "\nContent-Type: text/plain; charset=US-ASCII\n\nHello\n";
    return ANALYZER.analyze(TestMail.of(pieces));
  }

  private static HeaderText subject(EncodingReport report) {
    return report.headers().stream().filter(h -> h.where().equals("Subject")).findFirst().get();
  }

  @Test
  void rawShiftJisInTheSubjectShouldBeNamedDecodedAndFixed() {
    EncodingReport report = analyze(bytes(SUBJECT, "Shift_JIS"));

    HeaderText subject = subject(report);
    assertThat(subject.decoded()).isEqualTo(SUBJECT);
    assertThat(subject.raw()).startsWith("\\x89\\xEF\\x8Bc\\x82\\xCC");
    assertThat(subject.rawBytes().flatMap(Detection::detectedCharset))
        .contains(DetectedCharset.SHIFT_JIS);
    assertThat(subject.problems()).containsExactly("header.raw-8bit");
    assertThat(report.withCode("header.raw-8bit"))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
          assertThat(f.where()).isEqualTo("Subject");
          assertThat(f.cause())
              .startsWith("Subject contains raw 8-bit bytes that decode as Shift_JIS")
              .contains("did not encode the header as RFC 2047");
          assertThat(f.fix()).contains("=?UTF-8?B?");
        });
  }

  @Test
  void rawUtf8InTheSubjectShouldOnlyWarnBecauseSmtpUtf8AllowsIt() {
    EncodingReport report = analyze(bytes(SUBJECT, "UTF-8"));

    assertThat(subject(report).decoded()).isEqualTo(SUBJECT);
    assertThat(report.withCode("header.raw-utf8"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
        .satisfies(f -> assertThat(f.cause()).contains("SMTPUTF8", "RFC 6532"));
  }

  @Test
  void rawIsoTwentyTwentyTwoInTheSubjectShouldBeNamed() {
    EncodingReport report = analyze(bytes(SUBJECT, "ISO-2022-JP"));

    assertThat(subject(report).decoded()).isEqualTo(SUBJECT);
    assertThat(subject(report).raw()).startsWith("\\x1B$B");
    assertThat(report.withCode("header.raw-iso-2022-jp")).hasSize(1);
  }

  @Test
  void unregisteredShiftJisLabelsShouldWarnButStillDecode() {
    for (String label : List.of("SJIS", "x-sjis")) {
      EncodingReport report = analyze(word(label, bytes(SUBJECT, "Shift_JIS")));

      assertThat(subject(report).decoded()).isEqualTo(SUBJECT);
      assertThat(subject(report).charsets()).containsExactly(label);
      assertThat(report.withCode("header.charset-label"))
          .singleElement()
          .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
          .satisfies(f -> assertThat(f.cause()).contains("labelled " + label, "Shift_JIS"));
    }
  }

  @Test
  void anUnknownCharsetLabelShouldBeAProblemThatStillReadsTheBytes() {
    EncodingReport report = analyze(word("x-mac-japanese-old", bytes(SUBJECT, "Shift_JIS")));

    assertThat(subject(report).decoded()).isEqualTo(SUBJECT);
    assertThat(report.withCode("header.charset-unknown"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("the bytes look like Shift_JIS"));
  }

  @Test
  void aUtf8CharacterSplitBetweenTwoWordsShouldBeFoundAndJoined() {
    byte[] utf8 = bytes(SUBJECT, "UTF-8");
    String first = word("UTF-8", Arrays.copyOfRange(utf8, 0, 7)); // 会 and 1 byte of 議
    String second = word("UTF-8", Arrays.copyOfRange(utf8, 7, utf8.length));

    EncodingReport report = analyze(first + "\n " + second);

    assertThat(subject(report).decoded()).isEqualTo(SUBJECT);
    assertThat(report.withCode("header.encoded-word-split"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("RFC 2047 §5", "(UTF-8)"));
  }

  @Test
  void anIsoTwentyTwentyTwoWordEndingInDoubleByteModeShouldBeASplit() {
    byte[] iso = bytes("会議のお知らせ", "ISO-2022-JP"); // ESC $ B ... ESC ( B
    String first = word("ISO-2022-JP", Arrays.copyOfRange(iso, 0, 7)); // ESC $ B 会 議
    String second = word("ISO-2022-JP", Arrays.copyOfRange(iso, 7, iso.length));

    EncodingReport report = analyze(first + " " + second);

    assertThat(subject(report).decoded()).isEqualTo("会議のお知らせ");
    assertThat(report.withCode("header.encoded-word-split")).hasSize(1);
  }

  @Test
  void anIsoTwentyTwentyTwoWordWithoutTheFinalEscapeShouldBeUnterminated() {
    byte[] iso = bytes(SUBJECT, "ISO-2022-JP");
    byte[] open = Arrays.copyOf(iso, iso.length - 3); // without ESC ( B

    EncodingReport report = analyze(word("ISO-2022-JP", open), " (2)");

    assertThat(subject(report).decoded()).isEqualTo(SUBJECT + " (2)");
    assertThat(report.withCode("iso2022jp.unterminated"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("ESC ( B", "at its end", "RFC 1468"));
  }

  @Test
  void shiftJisBytesLabelledIsoTwentyTwentyTwoShouldBeAMismatch() {
    EncodingReport report = analyze(word("ISO-2022-JP", bytes(SUBJECT, "Shift_JIS")));

    assertThat(subject(report).decoded()).isEqualTo(SUBJECT);
    assertThat(report.withCode("header.charset-mismatch"))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
          assertThat(f.cause())
              .contains("labelled ISO-2022-JP but the bytes are Shift_JIS", "replacement");
        });
  }

  @Test
  void utf8LabelledIsoEightEightFiveNineOneShouldBeAMismatchThoughItDecodes() {
    EncodingReport report = analyze(word("ISO-8859-1", bytes(SUBJECT, "UTF-8")));

    assertThat(subject(report).decoded()).isEqualTo(SUBJECT);
    assertThat(report.withCode("header.charset-mismatch")).hasSize(1);
  }

  @Test
  void windowsCharactersInIsoTwentyTwentyTwoWordsShouldBeNamed() {
    EncodingReport report = analyze(word("ISO-2022-JP", bytes("①会議室㈱", "x-windows-iso2022jp")));

    assertThat(subject(report).decoded()).isEqualTo("①会議室㈱");
    assertThat(report.withCode("iso2022jp.windows-characters"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("①, ㈱", "JIS X 0208"));
  }

  @Test
  void windowsCharactersUnderAShiftJisLabelShouldBeCp932() {
    EncodingReport report = analyze(word("Shift_JIS", bytes("髙橋様①", "windows-31j")));

    assertThat(subject(report).decoded()).isEqualTo("髙橋様①");
    assertThat(report.withCode("charset.cp932-characters"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("髙", "①", "Windows-31J"));
  }

  @Test
  void qEncodingAndTheBlankBetweenWordsShouldDecodeAsRfc2047Says() {
    EncodingReport report =
        analyze("=?UTF-8?Q?Caf=C3=A9_cr=C3=A8me?= =?UTF-8?Q?_br=C3=BBl=C3=A9e?=");

    assertThat(subject(report).decoded()).isEqualTo("Café crème brûlée");
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void malformedBase64ShouldBeAWarningAndTheRestStillRead() {
    EncodingReport report = analyze("=?UTF-8?B?5Lya6K2w*?= =?UTF-8?X?abc?=");

    assertThat(subject(report).decoded()).startsWith("会議");
    assertThat(report.withCode("header.encoded-word-malformed")).hasSize(1);
  }

  @Test
  void asciiFieldsShouldNotBeListedButEncodedDisplayNamesShould() {
    EncodingReport report =
        ANALYZER.analyze(
            TestMail.of(
                "From: ",
                word("ISO-2022-JP", "田中 太郎"),
                " <tanaka@example.co.jp>\nTo: b@example.org\nSubject: plain\n\nbody\n"));

    assertThat(report.headers())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.where()).isEqualTo("From");
          assertThat(h.decoded()).isEqualTo("田中 太郎 <tanaka@example.co.jp>");
          assertThat(h.problems()).isEmpty();
        });
  }

  @Test
  void fieldsOfAnAttachedMessageShouldSayWhichPartTheyAreIn() {
    byte[] message =
        TestMail.of(
            "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\n",
            "Content-Type: text/plain\n\nsee attached\n--b\nContent-Type: message/rfc822\n\n",
            "Subject: ",
            bytes("転送", "Shift_JIS"),
            "\n\ninner\n--b--\n");

    EncodingReport report = ANALYZER.analyze(message);

    assertThat(report.headers())
        .singleElement()
        .satisfies(h -> assertThat(h.where()).isEqualTo("part 2 Subject"));
    assertThat(report.withCode("header.raw-8bit"))
        .singleElement()
        .satisfies(f -> assertThat(f.where()).isEqualTo("part 2 Subject"));
  }
}
