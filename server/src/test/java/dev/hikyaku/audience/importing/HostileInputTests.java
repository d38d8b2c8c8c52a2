package dev.hikyaku.audience.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the bytes, the outcome is a report or a typed refusal: never another exception. */
class HostileInputTests {

  private static final byte[] ALPHABET = "a@.,\t\"\r\n xyz髙①ｔ＠<>;".getBytes(StandardCharsets.UTF_8);

  private static void assertReportOrRefusal(byte[] file) {
    try {
      DryRunReport report = CsvFiles.dryRun(file);
      assertThat(report.rows()).isGreaterThanOrEqualTo(report.rejections().size());
    } catch (CsvImportException refused) {
      assertThat(refused.problem()).isNotNull();
    }
  }

  @Test
  void randomBytesShouldGiveAReportOrATypedRefusal() {
    Random random = new Random(4180);
    for (int i = 0; i < 300; i++) {
      byte[] file = new byte[random.nextInt(2000)];
      random.nextBytes(file);
      assertReportOrRefusal(file);
    }
  }

  @Test
  void shuffledCsvCharactersShouldGiveAReportOrATypedRefusal() {
    Random random = new Random(5322);
    for (int i = 0; i < 300; i++) {
      byte[] header = "email,name,会社\r\n".getBytes(StandardCharsets.UTF_8);
      byte[] body = new byte[random.nextInt(3000)];
      for (int j = 0; j < body.length; j++) {
        body[j] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      assertReportOrRefusal(CsvFiles.concat(header, body));
    }
  }

  @Test
  void anOddNumberOfUtf16BytesShouldRejectTheLastRowNotCrash() {
    byte[] text = "email\r\na@example.jp\r\nb@example.jp".getBytes(StandardCharsets.UTF_16LE);
    byte[] file = CsvFiles.concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text, new byte[] {0x41});

    DryRunReport report = CsvFiles.dryRun(file);

    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.rejectionsByReason()).containsEntry(RejectionReason.UNDECODABLE_BYTES, 1L);
  }
}
