package dev.hikyaku.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.diagnose.logs.TraceQuery;
import dev.hikyaku.shared.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What people type into the diagnosis forms, and what is refused with which code. */
class FormInputTests {

  @Test
  void traceTermsShouldBeToldApartByTheirShapeAsTheCliDoes() {
    TraceTerms terms =
        new TraceTerms(List.of("1A2B3C4D5E  tanaka@example.co.jp,<id@host.example>", "1A2B3C4D5E"));

    assertThat(terms.values())
        .containsExactly("1A2B3C4D5E", "tanaka@example.co.jp", "<id@host.example>");
    TraceQuery query = terms.query();
    assertThat(query.queueIds()).containsExactly("1A2B3C4D5E");
    assertThat(query.addresses()).containsExactly("tanaka@example.co.jp");
    assertThat(query.messageIds()).containsExactly("id@host.example");
    assertThat(new TraceTerms(null).isEmpty()).isTrue();
  }

  @Test
  void tooManyOrBrokenTraceTermsShouldBeRefused() {
    List<String> many = IntStream.range(0, 21).mapToObj(i -> "a" + i + "@example.com").toList();
    assertThatThrownBy(() -> new TraceTerms(many))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("diagnosis.trace-too-many"));
    assertThatThrownBy(() -> new TraceTerms(List.of("x".repeat(999))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("diagnosis.trace-term"));
  }

  @Test
  void aRedactionChoiceShouldBecomeTheLibrarysOptions() {
    var options =
        new RedactionChoice(
                true,
                false,
                true,
                true,
                List.of("Message-ID", "X-Mailer, User-Agent"),
                List.of("Partner.example.COM"))
            .options();

    assertThat(options.addresses()).isTrue();
    assertThat(options.names()).isFalse();
    assertThat(options.ipAddresses()).isTrue();
    assertThat(options.fields()).containsExactlyInAnyOrder("message-id", "x-mailer", "user-agent");
    assertThat(options.keptDomains()).containsExactly("partner.example.com");
  }

  @Test
  void aFieldNameWithAColonOrADomainWithSpacesInsideShouldBeRefused() {
    assertThatThrownBy(() -> new RedactionChoice(true, true, true, false, List.of("X:Y"), null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("diagnosis.field-name"));
    assertThatThrownBy(
            () -> new RedactionChoice(true, true, true, false, null, List.of("exa<mple.com")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("diagnosis.kept-domain"));
  }

  @Test
  void aDomainCheckRequestShouldNormaliseTheDomainAndExpandCommonBlocklists() {
    DomainCheckRequest request =
        new DomainCheckRequest(
            " Example.CO.JP. ",
            List.of("s2026 Google"),
            List.of("192.0.2.25, 2001:db8::25"),
            List.of("common zen.spamhaus.org"),
            false);

    assertThat(request.domain()).isEqualTo("example.co.jp");
    assertThat(request.options().dkimSelectors()).containsExactly("s2026", "google");
    assertThat(request.options().sendingAddresses()).hasSize(2);
    assertThat(request.dnsblZones())
        .containsExactly("zen.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org");
  }

  @Test
  void aDomainCheckRequestShouldRefuseWhatIsNotADomainAnAddressOrASelector() {
    assertThat(code(() -> new DomainCheckRequest("", null, null, null, true)))
        .isEqualTo("required");
    assertThat(code(() -> new DomainCheckRequest("a b", null, null, null, true)))
        .isEqualTo("domain");
    assertThat(code(() -> new DomainCheckRequest("ex.jp", null, List.of("10.0.0.300"), null, true)))
        .isEqualTo("diagnosis.ip");
    assertThat(code(() -> new DomainCheckRequest("ex.jp", List.of("s;1"), null, null, true)))
        .isEqualTo("diagnosis.selector");
    assertThat(code(() -> new DomainCheckRequest("ex.jp", null, null, List.of("-bad-"), true)))
        .isEqualTo("diagnosis.dnsbl-zone");
  }

  private static String code(Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException e) {
      return e.code();
    }
    throw new AssertionError("not refused");
  }
}
