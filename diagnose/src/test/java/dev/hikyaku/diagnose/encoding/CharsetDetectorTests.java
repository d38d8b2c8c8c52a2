package dev.hikyaku.diagnose.encoding;

import static dev.hikyaku.diagnose.encoding.TestMail.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.diagnose.encoding.Detection.Detected;
import dev.hikyaku.diagnose.encoding.Detection.Undetermined;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The charset detector: clear cases detected, short and ambiguous input left undetermined. */
class CharsetDetectorTests {

  private static final String JAPANESE = "お世話になっております。会議の資料をお送りします。";

  private static DetectedCharset detected(byte[] bytes) {
    Detection detection = CharsetDetector.detect(bytes);
    assertThat(detection).as("%s", detection).isInstanceOf(Detected.class);
    return ((Detected) detection).charset();
  }

  @Test
  void japaneseTextShouldBeDetectedInEachOfItsCharsets() {
    assertThat(detected(bytes(JAPANESE, "UTF-8"))).isEqualTo(DetectedCharset.UTF_8);
    assertThat(detected(bytes(JAPANESE, "ISO-2022-JP"))).isEqualTo(DetectedCharset.ISO_2022_JP);
    assertThat(detected(bytes(JAPANESE, "Shift_JIS"))).isEqualTo(DetectedCharset.SHIFT_JIS);
    assertThat(detected(bytes(JAPANESE, "EUC-JP"))).isEqualTo(DetectedCharset.EUC_JP);
  }

  @Test
  void shortJapaneseWordsShouldStillBeTold() {
    assertThat(detected(bytes("テスト", "Shift_JIS"))).isEqualTo(DetectedCharset.SHIFT_JIS);
    assertThat(detected(bytes("ありがとう", "EUC-JP"))).isEqualTo(DetectedCharset.EUC_JP);
    assertThat(detected(bytes("あ", "UTF-8"))).isEqualTo(DetectedCharset.UTF_8);
  }

  @Test
  void windowsOnlyCharactersShouldCountAsShiftJis() {
    assertThat(detected(bytes("①会議室㈱髙橋さま", "windows-31j"))).isEqualTo(DetectedCharset.SHIFT_JIS);
  }

  @Test
  void asciiShouldBeAsciiAndAsciiWithEscapeSequencesIsoTwentyTwentyTwo() {
    assertThat(detected(bytes("Hello, world\r\n", "US-ASCII"))).isEqualTo(DetectedCharset.US_ASCII);
    byte[] iso = bytes("件名", "ISO-2022-JP");
    assertThat(CharsetDetector.detect(iso))
        .isInstanceOfSatisfying(
            Detected.class, d -> assertThat(d.evidence()).contains("ESC $ B", "ESC ( B"));
  }

  @Test
  void twoBytesThatAreBothEucJpAndShiftJisShouldBeUndetermined() {
    // A4 A2 is あ in EUC-JP and two half-width characters (､｢) in Shift_JIS.
    assertThat(CharsetDetector.detect(new byte[] {(byte) 0xA4, (byte) 0xA2}))
        .isInstanceOf(Undetermined.class);
    // C3 A9 is é in UTF-8, 蛋 in EUC-JP and ﾃｩ in Shift_JIS.
    assertThat(CharsetDetector.detect(new byte[] {(byte) 0xC3, (byte) 0xA9}))
        .isInstanceOfSatisfying(
            Undetermined.class, u -> assertThat(u.reason()).contains("too little"));
  }

  @Test
  void latinTextShouldNotPassForJapanese() {
    assertThat(CharsetDetector.detect(bytes("Préférence de café", "ISO-8859-1")))
        .isInstanceOf(Undetermined.class);
    assertThat(CharsetDetector.detect(bytes("Grüße aus Köln, schöne Grüße", "ISO-8859-1")))
        .isInstanceOfSatisfying(
            Undetermined.class, u -> assertThat(u.reason()).contains("single-byte"));
  }

  @Test
  void binaryAndEmptyInputShouldBeUndetermined() {
    assertThat(CharsetDetector.detect(new byte[0])).isInstanceOf(Undetermined.class);
    assertThat(CharsetDetector.detect(bytes("Hello, 会議", "UTF-16LE")))
        .isInstanceOfSatisfying(Undetermined.class, u -> assertThat(u.reason()).contains("NUL"));
  }

  @Test
  void isoTwentyTwentyTwoEscapesMixedWithShiftJisShouldBeUndetermined() {
    byte[] mixed = TestMail.of(bytes("件名", "ISO-2022-JP"), bytes("テストです", "Shift_JIS"));

    assertThat(CharsetDetector.detect(mixed)).isInstanceOf(Undetermined.class);
  }

  @Test
  void randomBytesShouldNeverThrowAndRarelyBeDetected() {
    Random random = new Random(2026);
    int detected = 0;
    for (int i = 0; i < 2_000; i++) {
      byte[] noise = new byte[random.nextInt(200)];
      random.nextBytes(noise);
      if (CharsetDetector.detect(noise) instanceof Detected) {
        detected++;
      }
    }
    assertThat(detected).isLessThan(20);
  }
}
