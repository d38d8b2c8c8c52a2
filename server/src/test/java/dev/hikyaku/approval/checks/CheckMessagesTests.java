package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every finding code has its console message in English and Japanese, with its arguments. */
class CheckMessagesTests {

  /** The codes Finding's Javadoc documents, with how many arguments each one has. */
  static final Map<String, Integer> CODES =
      Map.ofEntries(
          Map.entry("attachment-address-list", 1),
          Map.entry("attachment-my-number", 1),
          Map.entry("attachment-card-number", 1),
          Map.entry("attachment-phone-numbers", 1),
          Map.entry("attachment-blocked-type", 1),
          Map.entry("attachment-deceptive-name", 1),
          Map.entry("attachment-executable-content", 0),
          Map.entry("attachment-encrypted-archive", 1),
          Map.entry("attachment-encrypted-document", 0),
          Map.entry("attachment-macro", 0),
          Map.entry("attachment-uninspectable", 1),
          Map.entry("attachment-damaged", 1),
          Map.entry("attachment-archive-too-deep", 1),
          Map.entry("attachment-archive-too-many-entries", 1),
          Map.entry("attachment-archive-too-large", 1),
          Map.entry("content-address-list", 1),
          Map.entry("content-recipient-header", 2),
          Map.entry("content-my-number", 1),
          Map.entry("content-card-number", 1),
          Map.entry("content-link-mismatch", 2),
          Map.entry("more-findings", 2));

  @ParameterizedTest
  @ValueSource(strings = {"messages_en.properties", "messages_ja.properties"})
  void everyCodeShouldHaveAMessageUsingAllItsArguments(String bundle) throws IOException {
    Properties messages = load(bundle);
    Set<String> keys =
        messages.stringPropertyNames().stream()
            .filter(k -> k.startsWith("check."))
            .collect(Collectors.toCollection(TreeSet::new));
    // The campaign's own checks (domain, audience, unsubscribe, ...) add check.* keys of theirs.
    assertThat(keys).containsAll(CODES.keySet().stream().map(c -> "check." + c).toList());
    CODES.forEach((code, arguments) -> {
      String pattern = messages.getProperty("check." + code);
      Object[] args = {"ARG0", "ARG1"};
      String text = new MessageFormat(pattern, Locale.ROOT).format(args);
      for (int i = 0; i < 2; i++) {
        assertThat(text.contains("ARG" + i))
            .as(bundle + " " + code + " {" + i + "}")
            .isEqualTo(i < arguments);
      }
    });
  }

  @Test
  void japaneseMessagesShouldBeJapanese() throws IOException {
    Properties ja = load("messages_ja.properties");
    assertThat(ja.getProperty("check.attachment-address-list"))
        .startsWith("添付ファイルにメールアドレスの一覧があります");
    CODES
        .keySet()
        .forEach(code ->
            assertThat(ja.getProperty("check." + code))
                .as(code)
                .containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]"));
  }

  private static Properties load(String bundle) throws IOException {
    Properties properties = new Properties();
    try (Reader in =
        new InputStreamReader(
            CheckMessagesTests.class.getResourceAsStream("/" + bundle), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
