package dev.hikyaku.mailauth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.SharedData;
import dev.hikyaku.mailauth.dns.IpLiterals;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the RFC 7208 test suite ({@code conformance/spf/rfc7208-tests.yml}, 203 tests): each
 * scenario's zone data is served by an in-process zone and every test's result must be one of the
 * listed results, with the explanation where the suite gives one.
 */
class SpfConformanceTests {

  record SuiteTest(
      String scenario,
      String name,
      Map<String, List<Object>> zone,
      String host,
      String mailFrom,
      String helo,
      List<String> results,
      String explanation) {}

  static List<SuiteTest> suite() throws IOException {
    List<SuiteTest> tests = new ArrayList<>();
    try (Reader reader =
        Files.newBufferedReader(
            SharedData.conformance("spf/rfc7208-tests.yml"), StandardCharsets.UTF_8)) {
      for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> scenario = (Map<String, Object>) document;
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> cases =
            (Map<String, Map<String, Object>>) scenario.get("tests");
        @SuppressWarnings("unchecked")
        Map<String, List<Object>> zone = (Map<String, List<Object>>) scenario.get("zonedata");
        for (Map.Entry<String, Map<String, Object>> test : cases.entrySet()) {
          Map<String, Object> t = test.getValue();
          Object result = t.get("result");
          List<String> results =
              result instanceof List<?> list
                  ? list.stream().map(String::valueOf).toList()
                  : List.of(String.valueOf(result));
          tests.add(
              new SuiteTest(
                  String.valueOf(scenario.get("description")),
                  test.getKey(),
                  zone == null ? Map.of() : zone,
                  String.valueOf(t.get("host")),
                  String.valueOf(t.getOrDefault("mailfrom", "")),
                  String.valueOf(t.getOrDefault("helo", "")),
                  results,
                  t.get("explanation") == null ? null : String.valueOf(t.get("explanation"))));
        }
      }
    }
    return tests;
  }

  static Stream<Arguments> tests() throws IOException {
    return suite().stream().map(t -> Arguments.of(t.scenario() + " / " + t.name(), t));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tests")
  void resultShouldBeOneTheSuiteAllows(String name, SuiteTest test) {
    SpfChecker checker =
        new SpfChecker(
            SpfSuiteZone.load(test.zone()),
            Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC),
            null,
            SpfLimits.RFC_7208);

    SpfVerdict verdict =
        checker.checkMailFrom(IpLiterals.parse(test.host()), test.mailFrom(), test.helo());

    assertThat(test.results())
        .as("%s: got %s (%s)", name, verdict.result(), verdict.reason())
        .contains(verdict.result().rfcName());
    if (test.explanation() != null && verdict.result() == SpfResult.FAIL) {
      if (test.explanation().equals("DEFAULT")) {
        assertThat(verdict.explanation().orElseThrow())
            .as("default explanation")
            .endsWith("as a permitted sender");
      } else {
        // DNS names are case-insensitive: the suite writes IPv6 nibbles in upper case.
        assertThat(verdict.explanation().orElseThrow().toLowerCase(Locale.ROOT))
            .isEqualTo(test.explanation().toLowerCase(Locale.ROOT));
      }
    }
  }

  @Test
  void suiteShouldHoldAll203Tests() throws IOException {
    assertThat(suite()).hasSize(203);
  }
}
