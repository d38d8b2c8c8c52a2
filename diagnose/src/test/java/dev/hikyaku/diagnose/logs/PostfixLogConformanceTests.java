package dev.hikyaku.diagnose.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Runs the postfix-grok-patterns test suite ({@code conformance/postfix-log/*.yaml}): each file's
 * {@code data} goes to the parser as the program its grok pattern names, and every field the
 * pattern should capture must come out of our event with the same value (through {@link
 * GrokFields}).
 */
class PostfixLogConformanceTests {

  record Case(String file, String pattern, String data, Map<String, String> results) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Path suiteDirectory() {
    Path dir =
        Path.of(
            System.getProperty("hikyaku.shared.dir", "../../shared"), "conformance", "postfix-log");
    assertThat(dir).as("conformance data (set -Dhikyaku.shared.dir)").isDirectory();
    return dir;
  }

  static List<Case> suite() throws IOException {
    try (Stream<Path> files = Files.list(suiteDirectory())) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .map(PostfixLogConformanceTests::load)
          .toList();
    }
  }

  static Stream<Arguments> cases() throws IOException {
    return suite().stream().map(c -> Arguments.of(c.file(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyExpectedFieldShouldComeOutWithItsValue(String file, Case test) {
    Map<String, String> actual = parse(test.pattern(), test.data());

    assertThat(actual).as("%s: %s", file, test.data()).containsAllEntriesOf(expected(test));
  }

  @Test
  void theSuiteShouldHoldEveryFileOfTheConformanceData() throws IOException {
    assertThat(suite())
        .hasSizeGreaterThanOrEqualTo(190)
        .allSatisfy(c -> assertThat(c.results()).isNotEmpty());
  }

  /**
   * The expected values, with one grok artefact undone: the smtp, lmtp, local, virtual and discard
   * patterns capture the {@code key=value} section with the comma that separates it from {@code
   * status=} ({@code ..., dsn=2.0.0,}) while the pipe and error patterns stop before it. The comma
   * is a separator, not data, so our {@link Attributes#raw()} never has it and the comparison drops
   * it from the expectation; nothing else is changed.
   */
  private static Map<String, String> expected(Case test) {
    Map<String, String> expected = new LinkedHashMap<>(test.results());
    expected.computeIfPresent(
        "postfix_keyvalue_data", (k, v) -> v.endsWith(",") ? v.substring(0, v.length() - 1) : v);
    return expected;
  }

  private static Map<String, String> parse(String pattern, String data) {
    String name = pattern.substring(pattern.indexOf("%{POSTFIX_") + 10, pattern.indexOf('}'));
    return switch (name) {
      case "COMMAND_COUNTER_DATA" -> GrokFields.of(CommandCounts.parse(data).orElseThrow());
      case "DELAYS" -> GrokFields.of(Delays.parse(data).orElseThrow());
      case "RELAY" -> GrokFields.of(Relay.parse(data));
      case "TLS_FEATURES" -> GrokFields.of(TlsFeatures.parse(data).orElseThrow());
      default -> {
        PostfixProgram program = program(name);
        yield GrokFields.of(program, PostfixLogParser.parseMessage(program, data));
      }
    };
  }

  /**
   * {@code SMTPD} is smtpd, {@code TRIVIAL_REWRITE} trivial-rewrite, {@code SCRIPT} postfix-script.
   */
  private static PostfixProgram program(String patternName) {
    String logName =
        patternName.equals("SCRIPT")
            ? "postfix-script"
            : patternName.toLowerCase(Locale.ROOT).replace('_', '-');
    PostfixProgram program = PostfixProgram.fromLog(logName);
    assertThat(program).as("program of %s", patternName).isNotEqualTo(PostfixProgram.OTHER);
    return program;
  }

  /**
   * YAML whose scalars all stay the text they were written as. The suite's runner (test.rb)
   * compares {@code expected.to_s}; SnakeYAML's YAML 1.1 resolver would turn the queue ID {@code
   * 413E164734} into the float Infinity (Ruby's needs a dot first), and {@code 0.20} into {@code
   * 0.2}. Without implicit resolvers every value is compared as written.
   */
  private static Yaml textOnlyYaml() {
    LoaderOptions options = new LoaderOptions();
    Resolver textOnly =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {
            // None: every scalar stays a string.
          }
        };
    return new Yaml(
        new Constructor(options),
        new Representer(new DumperOptions()),
        new DumperOptions(),
        options,
        textOnly);
  }

  private static Case load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Object> yaml = textOnlyYaml().load(reader);
      Map<String, String> results = new LinkedHashMap<>();
      Object raw = yaml.get("results");
      if (raw instanceof Map<?, ?> map) {
        map.forEach((k, v) -> results.put(String.valueOf(k), String.valueOf(v)));
      }
      return new Case(
          file.getFileName().toString(),
          String.valueOf(yaml.get("pattern")),
          String.valueOf(yaml.get("data")),
          results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
