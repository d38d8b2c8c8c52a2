package dev.hikyaku.diagnosis;

import dev.hikyaku.mailauth.SharedData;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Real samples for the diagnosis tests, read where they lie at test time, never copied: the shared
 * conformance data ({@code ../shared/conformance}, see {@link SharedData}) and the bounce messages
 * of the diagnose library's tests.
 */
final class DiagnosisSamples {

  /** Grok patterns of the Postfix suite that are parts of lines, not lines of a program. */
  private static final Set<String> NOT_PROGRAMS =
      Set.of("COMMAND_COUNTER_DATA", "DELAYS", "RELAY", "TLS_FEATURES");

  private DiagnosisSamples() {}

  /** A file of the shared conformance data, such as {@code dkim/rfc6376.signed.msg}. */
  static byte[] conformance(String relative) {
    return read(SharedData.conformance(relative));
  }

  /** A message of the diagnose library's bounce tests, such as {@code gmail-no-such-user.eml}. */
  static byte[] bounce(String name) {
    Path path = Path.of("..", "diagnose", "src", "test", "resources", "bounce", name);
    if (!Files.exists(path)) {
      throw new IllegalStateException("sample not found at " + path.toAbsolutePath());
    }
    return read(path);
  }

  /** Every bounce sample's name. */
  static List<String> bounceNames() {
    try (Stream<Path> files =
        Files.list(Path.of("..", "diagnose", "src", "test", "resources", "bounce"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".eml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lines of the postfix-grok-patterns suite ({@code conformance/postfix-log/*.yaml}) as a
   * syslog file: each {@code data} behind a time stamp and the tag of the program its pattern
   * names, one second apart.
   */
  static List<String> postfixLogLines() {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(SharedData.conformance("postfix-log"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Map<String, Object> yaml = load(file);
        String pattern = String.valueOf(yaml.get("pattern"));
        String name = pattern.substring(pattern.indexOf("%{POSTFIX_") + 10, pattern.indexOf('}'));
        if (NOT_PROGRAMS.contains(name)) {
          continue;
        }
        String program =
            name.equals("SCRIPT")
                ? "postfix-script"
                : name.toLowerCase(Locale.ROOT).replace('_', '-');
        int second = lines.size();
        lines.add(
            String.format(
                "Nov 23 10:%02d:%02d mail postfix/%s[%d]: %s",
                second / 60 % 60,
                second % 60,
                program,
                1000 + second,
                // A few data hold a client's CR LF; a log line cannot, so they are written out.
                String.valueOf(yaml.get("data")).replace("\r", "\\r").replace("\n", "\\n")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** YAML whose scalars stay text, as the suite's runner reads them (a queue id is no float). */
  private static Map<String, Object> load(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    Resolver textOnly =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {
            // None: every scalar stays a string.
          }
        };
    Yaml yaml =
        new Yaml(
            new Constructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            textOnly);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return yaml.load(reader);
    }
  }
}
