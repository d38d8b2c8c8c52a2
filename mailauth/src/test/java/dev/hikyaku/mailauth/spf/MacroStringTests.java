package dev.hikyaku.mailauth.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.mailauth.dns.IpLiterals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Macro expansion with the examples of RFC 7208 §7.4. */
class MacroStringTests {

  private static MacroContext context(String ip) {
    return new MacroContext(
        "strong-bad@email.example.com",
        "email.example.com",
        IpLiterals.parse(ip),
        "mx.example.org",
        "mx.hikyaku.test",
        1_700_000_000L,
        () -> "mx.example.org");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "%{s}|strong-bad@email.example.com",
        "%{o}|email.example.com",
        "%{d}|email.example.com",
        "%{d4}|email.example.com",
        "%{d3}|email.example.com",
        "%{d2}|example.com",
        "%{d1}|com",
        "%{dr}|com.example.email",
        "%{d2r}|example.email",
        "%{l}|strong-bad",
        "%{l-}|strong.bad",
        "%{lr}|strong-bad",
        "%{lr-}|bad.strong",
        "%{l1r-}|strong",
        "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}|bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
        "%{p}|mx.example.org",
        "%{h}|mx.example.org",
        "%%%_%-|% %20"
      })
  void rfcExamplesShouldExpandForIpv4(String macro, String expected) throws Exception {
    assertThat(MacroString.parse(macro, false).expand(context("192.0.2.3"))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "%{ir}.%{v}._spf.%{d2}|"
            + "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
        "%{c}|2001:db8::cb01",
        "%{r} %{t}|mx.hikyaku.test 1700000000"
      })
  void rfcExamplesShouldExpandForIpv6(String macro, String expected) throws Exception {
    assertThat(MacroString.parse(macro, true).expand(context("2001:db8::cb01")))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"%{L},strong-bad", "%{S},strong-bad%40email.example.com"})
  void upperCaseMacrosShouldBeUrlEscaped(String macro, String expected) throws Exception {
    assertThat(MacroString.parse(macro, false).expand(context("192.0.2.3"))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%{x}", "%{d0}", "%{", "%", "%a", "%{c}", "%{d*}", "a b", "%{}"})
  void invalidMacroStringsShouldBeSyntaxErrors(String text) {
    assertThatThrownBy(() -> MacroString.parse(text, false)).isInstanceOf(SpfSyntaxException.class);
  }
}
