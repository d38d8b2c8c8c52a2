package dev.hikyaku.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Japanese is first-class: every key exists in both languages, and every key a page uses exists.
 */
class MessageBundlesTests {

  private static final Path RESOURCES = Path.of("src/main/resources");

  @Test
  void japaneseAndEnglishShouldHaveTheSameKeys() throws IOException {
    Set<String> en = keys("messages_en.properties");
    assertThat(keys("messages_ja.properties")).isEqualTo(en);
    assertThat(keys("messages.properties")).isEqualTo(en);
  }

  @Test
  void everyLiteralKeyInTheTemplatesShouldExist() throws IOException {
    Set<String> en = keys("messages_en.properties");
    // #{some.key} and #{some.key(args)}; keys built at run time (#{'role.' + ...}) are checked by
    // the pages' own tests.
    Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[(}]");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        literal.matcher(Files.readString(f)).results().forEach(m -> used.add(m.group(1)));
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(en).containsAll(used);
  }

  @Test
  void japaneseShouldActuallyBeJapanese() throws IOException {
    Properties ja = load("messages_ja.properties");
    long japanese =
        ja.stringPropertyNames().stream()
            .filter(k -> ja.getProperty(k).codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x9FFF))
            .count();
    // Nearly every string carries kana or kanji; the few that do not are codes and names.
    assertThat(japanese).isGreaterThan(ja.size() * 9L / 10);
  }

  private static Set<String> keys(String file) throws IOException {
    return new TreeSet<>(load(file).stringPropertyNames());
  }

  private static Properties load(String file) throws IOException {
    Properties p = new Properties();
    try (var in =
        new InputStreamReader(
            Files.newInputStream(RESOURCES.resolve(file)), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }
}
