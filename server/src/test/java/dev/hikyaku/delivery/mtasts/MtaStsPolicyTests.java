package dev.hikyaku.delivery.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MtaStsPolicyTests {

  private static MtaStsPolicy parsed(String body) {
    PolicyParseResult result = MtaStsPolicy.parse(body);
    assertThat(result).as(body).isInstanceOf(PolicyParseResult.Parsed.class);
    return ((PolicyParseResult.Parsed) result).policy();
  }

  private static PolicyError error(String body) {
    PolicyParseResult result = MtaStsPolicy.parse(body);
    assertThat(result).as(body).isInstanceOf(PolicyParseResult.Invalid.class);
    return ((PolicyParseResult.Invalid) result).error();
  }

  @Test
  void theExampleOfRfc8461ShouldParseWithCrlfLines() {
    MtaStsPolicy policy =
        parsed(
            "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\n"
                + "mx: backupmx.example.com\r\nmax_age: 604800\r\n");
    assertThat(policy.mode()).isEqualTo(MtaStsMode.ENFORCE);
    assertThat(policy.maxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(policy.mx())
        .containsExactly(
            MxPattern.of("mail.example.com"),
            MxPattern.of("*.example.net"),
            MxPattern.of("backupmx.example.com"));
  }

  @Test
  void lfLinesNoFinalTerminatorAndSpacesAroundValuesShouldBeAccepted() {
    MtaStsPolicy policy =
        parsed("version:STSv1\nmode:   testing \t\nmx: MX.Example.COM.\nmax_age: 0");
    assertThat(policy.mode()).isEqualTo(MtaStsMode.TESTING);
    assertThat(policy.maxAge()).isZero();
    assertThat(policy.mx()).containsExactly(MxPattern.of("mx.example.com"));
  }

  @Test
  void unknownKeysShouldBeIgnoredAndTheFirstOfARepeatedKeyShouldCount() {
    MtaStsPolicy policy =
        parsed(
            "version: STSv1\nmode: enforce\nmode: none\nfuture_key: any value here\n"
                + "mx: mx.example.com\nmax_age: 86400\nmax_age: 99999999999\n");
    assertThat(policy.mode()).isEqualTo(MtaStsMode.ENFORCE);
    assertThat(policy.maxAge()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void modeNoneShouldNotNeedAnMxPattern() {
    assertThat(parsed("version: STSv1\nmode: none\nmax_age: 86400\n").mx()).isEmpty();
  }

  @Test
  void missingRequiredFieldsShouldBeNamed() {
    assertThat(error("mode: enforce\nmx: mx.example.com\nmax_age: 86400\n"))
        .isEqualTo(new PolicyError.MissingField("version"));
    assertThat(error("version: STSv1\nmx: mx.example.com\nmax_age: 86400\n"))
        .isEqualTo(new PolicyError.MissingField("mode"));
    assertThat(error("version: STSv1\nmode: enforce\nmx: mx.example.com\n"))
        .isEqualTo(new PolicyError.MissingField("max_age"));
    assertThat(error("version: STSv1\nmode: testing\nmax_age: 86400\n"))
        .isEqualTo(new PolicyError.MissingField("mx"));
    assertThat(error("")).isEqualTo(new PolicyError.MissingField("version"));
  }

  @Test
  void aBadVersionOrModeShouldBeRefused() {
    assertThat(error("version: STSv2\nmode: enforce\nmx: a.example\nmax_age: 1\n"))
        .isEqualTo(new PolicyError.UnsupportedVersion("STSv2"));
    assertThat(error("version: STSv1\nmode: Enforce\nmx: a.example\nmax_age: 1\n"))
        .isEqualTo(new PolicyError.UnknownMode("Enforce"));
    assertThat(error("version: STSv1\nmode: strict\nmx: a.example\nmax_age: 1\n").message())
        .contains("strict", "enforce, testing or none");
  }

  @Test
  void maxAgeShouldBeDigitsAndAtMostAboutOneYear() {
    String head = "version: STSv1\nmode: enforce\nmx: a.example\n";
    assertThat(parsed(head + "max_age: 31557600\n").maxAge()).isEqualTo(MtaStsPolicy.MAX_AGE_LIMIT);
    assertThat(error(head + "max_age: 31557601\n"))
        .isEqualTo(new PolicyError.MaxAgeTooLarge(31_557_601));
    assertThat(error(head + "max_age: 9999999999\n"))
        .isEqualTo(new PolicyError.MaxAgeTooLarge(9_999_999_999L));
    for (String bad : List.of("-1", "1.5", "1d", "12345678901", "0x10", "")) {
      assertThat(error(head + "max_age: " + bad + "\n"))
          .as(bad)
          .isInstanceOfAny(PolicyError.InvalidMaxAge.class, PolicyError.MalformedLine.class);
    }
  }

  @Test
  void badMxPatternsShouldBeRefusedByValue() {
    String head = "version: STSv1\nmode: enforce\nmax_age: 86400\n";
    assertThat(error(head + "mx: a.*.example.com\n"))
        .isEqualTo(new PolicyError.InvalidMxPattern("a.*.example.com"));
    assertThat(error(head + "mx: *\n")).isEqualTo(new PolicyError.InvalidMxPattern("*"));
    assertThat(error(head + "mx: mx_1.example.com\n"))
        .isInstanceOf(PolicyError.InvalidMxPattern.class);
  }

  @Test
  void linesThatAreNotKeyValuePairsShouldBeRefusedWithTheirNumber() {
    assertThat(error("version: STSv1\nmode enforce\n"))
        .isEqualTo(new PolicyError.MalformedLine(2, "mode enforce"));
    assertThat(error("version: STSv1\n mode: enforce\n"))
        .isInstanceOf(PolicyError.MalformedLine.class);
    assertThat(error("version: STSv1\rmode: enforce\n"))
        .isInstanceOf(PolicyError.MalformedLine.class);
    assertThat(error("<html><body>Not found</body></html>"))
        .isInstanceOf(PolicyError.MalformedLine.class);
    PolicyError binary = error("version: STSv1\nmode: enf\u0000orce\u001b[2J\n");
    assertThat(binary.message()).doesNotContain("\u0000", "\u001b");
  }

  @Test
  void theRecordShouldRefuseValuesTheParserWouldNeverProduce() {
    assertThatThrownBy(() -> new MtaStsPolicy(MtaStsMode.ENFORCE, List.of(), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new MtaStsPolicy(MtaStsMode.NONE, List.of(), MtaStsPolicy.MAX_AGE_LIMIT.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
