package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged and hostile files: every one gives findings or none, never an exception. */
class MalformedInputTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "installer.zip",
        "nested.zip",
        "ppap.zip",
        "aes.zip",
        "customers.xlsx",
        "customers-inline.xlsx",
        "customers-encrypted.xlsx",
        "customers-sjis.csv",
        "contacts.7z"
      })
  @Timeout(60)
  void corruptedCopiesOfEveryFixtureShouldScanWithoutException(String fixture) {
    byte[] original = Fixtures.bytes(fixture);
    Random random = new Random(fixture.hashCode());
    for (int round = 0; round < 300; round++) {
      byte[] copy = corrupt(original, random);
      assertThatCode(() -> Fixtures.SCANNER.scan(fixture, null, copy))
          .as("%s round %d", fixture, round)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void emptyAndTinyFilesShouldScanWithoutException() {
    for (String name : List.of("a.zip", "a.xlsx", "a.csv", "a.xls", "a.exe", "a.txt", "a.7z")) {
      assertThatCode(() -> Fixtures.SCANNER.scan(name, null, new byte[0]))
          .doesNotThrowAnyException();
      assertThatCode(() -> Fixtures.SCANNER.scan(name, null, new byte[] {'P', 'K', 3, 4}))
          .doesNotThrowAnyException();
    }
    assertThat(Fixtures.SCANNER.scan("a.zip", null, new byte[] {'P', 'K', 3, 4}))
        .extracting(Finding::code)
        .containsExactly("attachment-damaged");
  }

  @Test
  void hostileHtmlShouldScanWithoutException() {
    ContentScanner scanner = new ContentScanner(CheckPolicy.defaults());
    for (String html :
        List.of(
            "<",
            "<a",
            "<a href=",
            "<a href=\"",
            "<a href='x'>",
            "</a>",
            "<!--",
            "<script>",
            "&#xFFFFFFFF;",
            "&#99999999999;",
            "&#x;",
            "<a href=\"http://[::1\">http://</a>",
            "<a href=\"https://%zz/\">www.x.jp</a>",
            "<a href=\"http:\">www.a.jp</a>")) {
      assertThatCode(() -> scanner.scanHtml("html", html, java.util.Set.of()))
          .as(html)
          .doesNotThrowAnyException();
    }
  }

  private static byte[] corrupt(byte[] original, Random random) {
    byte[] copy;
    switch (random.nextInt(3)) {
      case 0 -> copy = Arrays.copyOf(original, random.nextInt(original.length + 1));
      case 1 -> {
        copy = original.clone();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
      }
      default -> {
        copy = original.clone();
        // Overwrite a 32-bit field with a large or negative value: sizes, offsets, counts.
        int at = random.nextInt(Math.max(1, copy.length - 4));
        int value = random.nextBoolean() ? -1 : random.nextInt();
        for (int i = 0; i < 4 && at + i < copy.length; i++) {
          copy[at + i] = (byte) (value >>> (8 * i));
        }
      }
    }
    return copy;
  }
}
