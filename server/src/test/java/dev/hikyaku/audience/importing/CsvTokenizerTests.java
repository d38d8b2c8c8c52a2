package dev.hikyaku.audience.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 records with the physical line numbers a user finds them at in an editor. */
class CsvTokenizerTests {

  private static List<CsvRecord> records(String text, Delimiter delimiter, ImportLimits limits) {
    DecodedText decoded =
        new DecodedText(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8,
            false);
    CsvTokenizer tokenizer = new CsvTokenizer(decoded, delimiter, limits);
    List<CsvRecord> records = new ArrayList<>();
    for (CsvRecord r = tokenizer.next(); r != null; r = tokenizer.next()) {
      records.add(r);
    }
    return records;
  }

  private static List<CsvRecord> records(String text) {
    return records(text, Delimiter.COMMA, ImportLimits.DEFAULTS);
  }

  @Test
  void quotedFieldsShouldKeepCommasAndDoubledQuotes() {
    List<CsvRecord> records = records("\"株式会社 山田, 東京\",\"彼は \"\"社長\"\" です\",plain\r\n");

    assertThat(records).hasSize(1);
    assertThat(records.getFirst().fields()).containsExactly("株式会社 山田, 東京", "彼は \"社長\" です", "plain");
    assertThat(records.getFirst().irregularQuotes()).isFalse();
  }

  @Test
  void lineBreaksInsideQuotesShouldNotShiftTheLineNumbersOfLaterRecords() {
    List<CsvRecord> records =
        records("h1,h2\r\n\"住所\r\n東京都\r\n港区\",a\r\nnext,b\r\n\"x\ny\",c\nlast,d");

    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 5L, 6L, 8L);
    assertThat(records.get(1).lastLine()).isEqualTo(4);
    assertThat(records.get(1).fields()).containsExactly("住所\r\n東京都\r\n港区", "a");
    assertThat(records.get(3).fields()).containsExactly("x\ny", "c");
    assertThat(records.get(4).lastLine()).isEqualTo(8);
  }

  @Test
  void crLfAndCrlfShouldEachEndOneLine() {
    List<CsvRecord> records = records("a\rb\nc\r\nd\n\re");

    assertThat(records)
        .extracting(r -> r.fields().getFirst())
        .containsExactly("a", "b", "c", "d", "", "e");
    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(records.get(4).isBlank()).isTrue();
  }

  @Test
  void aCrlfSplitAcrossDecodingChunksShouldStillBeOneLineBreak() {
    // DecodedText decodes 8 192 characters at a time: put the CR last in the first chunk.
    String first = "x".repeat(8191);
    List<CsvRecord> records = records(first + "\r\nsecond\r\nthird");

    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L);
    assertThat(records.get(1).fields()).containsExactly("second");
  }

  @Test
  void anUnterminatedQuoteShouldBeFlaggedOnTheLineWhereItStarts() {
    List<CsvRecord> records = records("h\r\nok\r\n\"never closed\r\nmore\r\nand more\r\n");

    CsvRecord open = records.getLast();
    assertThat(open.line()).isEqualTo(3);
    assertThat(open.lastLine()).isEqualTo(5);
    assertThat(open.unterminatedQuote()).isTrue();
    assertThat(open.isBlank()).isFalse();
  }

  @Test
  void aFieldLongerThanTheLimitShouldBeCutAndFlaggedWithItsColumn() {
    ImportLimits limits = new ImportLimits(10, 256, 10, 200, 1024);
    List<CsvRecord> records = records("ok,12345678901234567890\r\nnext", Delimiter.COMMA, limits);

    assertThat(records.getFirst().longField()).isEqualTo(2);
    assertThat(records.getFirst().fields().get(1)).hasSize(10);
    assertThat(records.get(1).longField()).isZero();
  }

  @Test
  void fieldsBeyondTheKeptWidthShouldBeCountedNotStored() {
    DecodedText decoded =
        new DecodedText(
            new ByteArrayInputStream("a,b,c,,\r\na,b,c,d\r\n".getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8,
            false);
    CsvTokenizer tokenizer = new CsvTokenizer(decoded, Delimiter.COMMA, ImportLimits.DEFAULTS);
    tokenizer.keepColumns(3);

    CsvRecord padded = tokenizer.next();
    CsvRecord wide = tokenizer.next();

    assertThat(padded.fields()).containsExactly("a", "b", "c");
    assertThat(padded.columns()).isEqualTo(5);
    assertThat(padded.extraNonBlank()).isFalse();
    assertThat(wide.columns()).isEqualTo(4);
    assertThat(wide.extraNonBlank()).isTrue();
  }

  @Test
  void strayQuotesShouldBeKeptAsTextAndFlagged() {
    List<CsvRecord> records = records("山田 \"タロー\" 太郎,\"閉じ\"た後,ok");

    assertThat(records.getFirst().fields()).containsExactly("山田 \"タロー\" 太郎", "閉じた後", "ok");
    assertThat(records.getFirst().irregularQuotes()).isTrue();
  }

  @Test
  void tabsShouldSeparateFieldsInTabSeparatedFiles() {
    List<CsvRecord> records = records("a,b\t\"c\td\"\te", Delimiter.TAB, ImportLimits.DEFAULTS);

    assertThat(records.getFirst().fields()).containsExactly("a,b", "c\td", "e");
  }

  @Test
  void theRawTextShouldKeepOnlyTheStartOfALongRecord() {
    ImportLimits limits = new ImportLimits(32_767, 256, 10, 20, 1024);
    List<CsvRecord> records = records("x".repeat(500) + ",y", Delimiter.COMMA, limits);

    assertThat(records.getFirst().raw()).hasSize(21);
  }
}
