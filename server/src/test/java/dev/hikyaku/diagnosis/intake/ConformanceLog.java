package dev.hikyaku.diagnosis.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Postfix log put together at test time from the postfix-grok-patterns lines of the shared
 * conformance data ({@code hikyaku.shared.dir}/conformance/postfix-log, read in place, never
 * copied): each file's {@code data} line behind a classic syslog prefix naming the program its file
 * is about ({@code smtp_0018.yaml} is {@code postfix/smtp}), one second apart.
 */
final class ConformanceLog {

  private ConformanceLog() {}

  static Path directory() {
    Path dir =
        Path.of(
            System.getProperty("hikyaku.shared.dir", "../../shared"), "conformance", "postfix-log");
    assertThat(dir).as("conformance data (set -Dhikyaku.shared.dir)").isDirectory();
    return dir;
  }

  /** The log of the files named (without {@code .yaml}), in the order given. */
  static String of(String... files) {
    StringBuilder log = new StringBuilder();
    int second = 0;
    for (String file : files) {
      String program = file.substring(0, file.lastIndexOf('_'));
      log.append(
              String.format(
                  "Nov 23 10:%02d:%02d mx1 postfix/%s[%d]: ",
                  second / 60, second % 60, program, 3000 + second))
          .append(data(file))
          .append('\n');
      second++;
    }
    return log.toString();
  }

  static byte[] bytes(String... files) {
    return of(files).getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code data:} value of one file: a YAML double-quoted scalar, or a plain one. */
  static String data(String file) {
    try {
      for (String line : Files.readAllLines(directory().resolve(file + ".yaml"))) {
        if (line.startsWith("data: ")) {
          String value = line.substring("data: ".length()).strip();
          return value.startsWith("\"") ? unquote(value) : value;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no data line in " + file);
  }

  private static String unquote(String quoted) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length() - 1) {
        out.append(quoted.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The shared real-world message samples ({@code conformance/dmarc-reports}). */
  static byte[] dmarcSample(String relative) {
    try {
      return Files.readAllBytes(directory().resolveSibling("dmarc-reports").resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bounce sample of the diagnose library's tests, read in place. */
  static byte[] bounceSample(String name) {
    try {
      return Files.readAllBytes(Path.of("../diagnose/src/test/resources/bounce", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String... files) {
    return of(files).lines().toList();
  }
}
