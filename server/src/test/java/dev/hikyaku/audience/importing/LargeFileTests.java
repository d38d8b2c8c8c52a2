package dev.hikyaku.audience.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Files of many rows stream through in bounded memory; counts are asserted, never time. */
class LargeFileTests {

  /** A file made row by row as it is read, never whole in memory. */
  private static final class GeneratedFile extends InputStream {
    private final LongFunction<String> rowAt;
    private final long rows;
    private final Charset charset;
    private byte[] current = new byte[0];
    private int position;
    private long next;

    GeneratedFile(String header, LongFunction<String> rowAt, long rows, Charset charset) {
      this.rowAt = rowAt;
      this.rows = rows;
      this.charset = charset;
      this.current = (header + "\r\n").getBytes(charset);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      while (position == current.length) {
        if (next == rows) {
          return -1;
        }
        current = (rowAt.apply(next++) + "\r\n").getBytes(charset);
        position = 0;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }
  }

  // Row i is on line i + 2. Every 1000th row repeats user0, every 250th (offset 125) has no @,
  // every 500th (offset 7) is a role address.
  private static String contact(long i) {
    if (i % 1000 == 999) {
      return "USER0@example.jp,山田 太郎 重複,㈱重複商事,\"メモ\r\n" + i + "\"";
    }
    if (i % 250 == 125) {
      return "user" + i + "example.jp,髙橋 花子" + i + ",①株式会社,\"メモ\r\n" + i + "\"";
    }
    String local = i % 500 == 7 ? "info+" + i : "user" + i;
    return local + "@example.jp,山田 太郎" + i + ",㈱山田商事,\"メモ, 複数行\r\n" + i + "\"";
  }

  @Test
  void aHundredThousandShiftJisRowsShouldStreamWithExactCounts() {
    InputStream file =
        new GeneratedFile(
            "メールアドレス,氏名,会社名,備考", LargeFileTests::contact, 100_000, CsvFiles.WINDOWS_31J);

    DryRunReport report =
        ContactCsvReader.dryRun(file, ImportOptions.DEFAULTS, SuppressionCheck.NONE);

    assertThat(report.source().encoding().charset()).isEqualTo(CsvFiles.WINDOWS_31J);
    assertThat(report.rows()).isEqualTo(100_000);
    assertThat(report.rejectionsByReason())
        .containsOnly(
            java.util.Map.entry(RejectionReason.DUPLICATE_ADDRESS, 100L),
            java.util.Map.entry(RejectionReason.MISSING_AT_SIGN, 400L));
    assertThat(report.acceptedWithWarnings()).isEqualTo(200);
    assertThat(report.accepted()).isEqualTo(100_000 - 500 - 200);
    // Each row spans two physical lines: row i starts on line 2i + 2.
    RowResult.Rejected lastDuplicate = report.rejections().getLast();
    assertThat(lastDuplicate.line()).isEqualTo(2 * 99_999 + 2);
    assertThat(lastDuplicate.rejection().args()).containsExactly("USER0@example.jp", "2");
  }

  @Test
  void theFirstRowsShouldComeBeforeTheEndOfAnEndlessFile() {
    InputStream endless =
        new GeneratedFile(
            "email,name",
            i -> "user" + i + "@example.jp,利用者" + i,
            Long.MAX_VALUE,
            java.nio.charset.StandardCharsets.UTF_8);
    List<RowResult> first = new ArrayList<>();

    try (ContactCsvReader reader =
        ContactCsvReader.open(endless, ImportOptions.DEFAULTS, SuppressionCheck.NONE)) {
      for (int i = 0; i < 3 && reader.hasNext(); i++) {
        first.add(reader.next());
      }
    }

    assertThat(first).extracting(RowResult::line).containsExactly(2L, 3L, 4L);
  }

  @Test
  void aMillionDistinctAddressesShouldFitTheDuplicateSetInWellUnder256Megabytes() {
    AddressSet seen = new AddressSet();
    for (int i = 0; i < 1_000_000; i++) {
      assertThat(seen.addIfAbsent("user" + i + "@example-company.jp", i + 2L)).isZero();
    }

    assertThat(seen.size()).isEqualTo(1_000_000);
    assertThat(seen.approximateBytes()).isLessThan(100L * 1024 * 1024);
    assertThat(seen.addIfAbsent("user123456@example-company.jp", 5_000_000)).isEqualTo(123_458);
    assertThat(seen.addIfAbsent("user1234567@example-company.jp", 5_000_001)).isZero();
  }
}
