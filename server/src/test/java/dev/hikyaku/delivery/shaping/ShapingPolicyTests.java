package dev.hikyaku.delivery.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapingPolicyTests {

  private static ShapingSettings groups(Map<String, ShapingSettings.Group> groups) {
    return new ShapingSettings(null, null, groups, null, null, null);
  }

  private static ShapingSettings.Group group(
      List<String> domains, Integer connections, Integer perMinute, Integer perConnection) {
    return new ShapingSettings.Group(domains, connections, perMinute, perConnection);
  }

  @Test
  void anExactDomainShouldResolveToItsPresetGroup() {
    ShapingPolicy policy = ShapingPolicy.presets();

    ShapingGroup docomo = policy.resolve("docomo.ne.jp");

    assertThat(docomo.key()).isEqualTo("docomo");
    assertThat(docomo.isDefault()).isFalse();
    assertThat(docomo.rule().maxConnections()).isEqualTo(2);
  }

  @Test
  void domainsShouldBeMatchedWhateverTheirCaseOrTrailingDot() {
    ShapingPolicy policy = ShapingPolicy.presets();

    assertThat(policy.resolve("  DoCoMo.NE.JP. ").key()).isEqualTo("docomo");
  }

  @Test
  void domainsSharingInfrastructureShouldShareOneGroup() {
    ShapingPolicy policy = ShapingPolicy.presets();

    assertThat(policy.resolve("ezweb.ne.jp")).isEqualTo(policy.resolve("au.com"));
    assertThat(policy.resolve("softbank.ne.jp")).isEqualTo(policy.resolve("i.softbank.jp"));
    assertThat(policy.resolve("gmail.com")).isEqualTo(policy.resolve("googlemail.com"));
    assertThat(policy.resolve("hotmail.com")).isEqualTo(policy.resolve("outlook.com"));
    assertThat(policy.resolve("me.com")).isEqualTo(policy.resolve("icloud.com"));
    assertThat(policy.resolve("yahoo.co.jp")).isNotEqualTo(policy.resolve("yahoo.com"));
  }

  @Test
  void unlistedDomainsShouldEachGetTheirOwnBudgetUnderTheDefaultRule() {
    ShapingPolicy policy = ShapingPolicy.presets();

    ShapingGroup a = policy.resolve("example.jp");
    ShapingGroup b = policy.resolve("example.com");

    assertThat(a.isDefault()).isTrue();
    assertThat(a.rule()).isEqualTo(ShapingPresets.DEFAULT);
    assertThat(a.key()).isEqualTo("example.jp");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void anExactPatternShouldNotMatchSubdomains() {
    ShapingPolicy policy = ShapingPolicy.presets();

    assertThat(policy.resolve("mail.docomo.ne.jp").isDefault()).isTrue();
  }

  @Test
  void aWildcardShouldMatchSubdomainsButNotTheSuffixItself() {
    ShapingPolicy policy =
        ShapingPolicy.from(groups(Map.of("corp", group(List.of("*.corp.example"), 1, null, null))));

    assertThat(policy.resolve("tokyo.corp.example").key()).isEqualTo("corp");
    assertThat(policy.resolve("a.b.corp.example").key()).isEqualTo("corp");
    assertThat(policy.resolve("corp.example").isDefault()).isTrue();
    assertThat(policy.resolve("xcorp.example").isDefault()).isTrue();
  }

  @Test
  void theMostSpecificMatchShouldWin() {
    ShapingPolicy policy =
        ShapingPolicy.from(
            groups(
                Map.of(
                    "wide", group(List.of("*.example", "tokyo.corp.example"), 4, null, null),
                    "narrow", group(List.of("*.corp.example"), 1, null, null))));

    assertThat(policy.resolve("osaka.corp.example").key()).isEqualTo("narrow");
    assertThat(policy.resolve("x.osaka.corp.example").key()).isEqualTo("narrow");
    assertThat(policy.resolve("tokyo.corp.example").key()).isEqualTo("wide");
    assertThat(policy.resolve("other.example").key()).isEqualTo("wide");
  }

  @Test
  void anOverrideShouldChangeOnlyTheLimitsItSets() {
    ShapingPolicy policy =
        ShapingPolicy.from(groups(Map.of("docomo", group(null, null, 10, null))));

    ShapingRule docomo = policy.ruleFor("docomo.ne.jp");

    assertThat(docomo.messagesPerMinute()).isEqualTo(10);
    assertThat(docomo.maxConnections()).isEqualTo(2);
    assertThat(docomo.messagesPerConnection()).isEqualTo(20);
    assertThat(docomo.domains()).containsExactly(new DomainPattern("docomo.ne.jp"));
  }

  @Test
  void aConfiguredGroupShouldTakeADomainOverFromThePresetThatListsIt() {
    ShapingPolicy policy =
        ShapingPolicy.from(groups(Map.of("kddi-business", group(List.of("au.com"), 1, 5, 5))));

    assertThat(policy.resolve("au.com").key()).isEqualTo("kddi-business");
    assertThat(policy.ruleFor("au.com").messagesPerMinute()).isEqualTo(5);
    assertThat(policy.resolve("ezweb.ne.jp").key()).isEqualTo("au");
  }

  @Test
  void aNewGroupShouldTakeUnsetLimitsFromTheDefaults() {
    ShapingPolicy policy =
        ShapingPolicy.from(
            new ShapingSettings(
                null,
                ShapingSettings.Group.limits(3, 100, null),
                Map.of("corp", group(List.of("corp.example"), null, null, 7)),
                null,
                null,
                null));

    ShapingRule corp = policy.ruleFor("corp.example");

    assertThat(corp.maxConnections()).isEqualTo(3);
    assertThat(corp.messagesPerMinute()).isEqualTo(100);
    assertThat(corp.messagesPerConnection()).isEqualTo(7);
    assertThat(policy.ruleFor("example.org").maxConnections()).isEqualTo(3);
  }

  @Test
  void switchingPresetsOffShouldLeaveOnlyConfiguredGroups() {
    ShapingPolicy policy =
        ShapingPolicy.from(new ShapingSettings(false, null, null, null, null, null));

    assertThat(policy.groups()).isEmpty();
    assertThat(policy.resolve("docomo.ne.jp").isDefault()).isTrue();
  }

  @Test
  void anEmptyConfigurationShouldGiveThePresetsAndBuiltInTimes() {
    ShapingPolicy policy = ShapingPolicy.from(ShapingSettings.none());

    assertThat(policy.groups()).isEqualTo(ShapingPresets.groups());
    assertThat(policy.backOff()).isEqualTo(BackOffSchedule.DEFAULT);
    assertThat(policy.busyRetry()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void badConfigurationShouldNameTheOffendingKey() {
    assertKey(
        groups(Map.of("docomo", group(null, 0, null, null))), "groups.docomo.max-connections");
    assertKey(
        groups(Map.of("docomo", group(null, null, -1, null))), "groups.docomo.messages-per-minute");
    assertKey(
        groups(Map.of("docomo", group(null, null, null, 0))),
        "groups.docomo.messages-per-connection");
    assertKey(
        groups(Map.of("corp", group(List.of("not a domain"), 1, 1, 1))), "groups.corp.domains");
    assertKey(groups(Map.of("corp", group(null, 1, 1, 1))), "groups.corp.domains");
    assertKey(groups(Map.of("default", group(List.of("x.example"), 1, 1, 1))), "groups.default");
    assertKey(
        groups(
            Map.of(
                "a", group(List.of("x.example"), null, null, null),
                "b", group(List.of("X.Example."), null, null, null))),
        "groups.b.domains");
    assertKey(
        new ShapingSettings(
            null, group(List.of("x.example"), null, null, null), null, null, null, null),
        "defaults.domains");
    assertKey(new ShapingSettings(null, null, null, Duration.ZERO, null, null), "back-off-first");
    assertKey(
        new ShapingSettings(null, null, null, Duration.ofMinutes(5), Duration.ofMinutes(1), null),
        "back-off-max");
    assertKey(new ShapingSettings(null, null, null, null, null, Duration.ZERO), "busy-retry");
  }

  private static void assertKey(ShapingSettings settings, String key) {
    assertThatThrownBy(() -> ShapingPolicy.from(settings))
        .isInstanceOfSatisfying(
            InvalidShapingConfigurationException.class, e -> assertThat(e.key()).isEqualTo(key));
  }

  @Test
  void aBlankRecipientDomainShouldBeRefused() {
    assertThatThrownBy(() -> ShapingPolicy.presets().resolve(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void internationalisedDomainsShouldBeMatchedInTheirAsciiForm() {
    ShapingPolicy policy =
        ShapingPolicy.from(
            groups(Map.of("books", group(List.of("xn--bcher-kva.example"), 1, 1, 1))));

    assertThat(policy.resolve("Bücher.example").key()).isEqualTo("books");
  }

  @Test
  void domainPatternsShouldRejectWhatIsNoDomain() {
    for (String bad : List.of("", "*", "*.", "a..b", "a.*.b", "-a.example", "a b.example")) {
      assertThatThrownBy(() -> new DomainPattern(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aPatternShouldMatchItsDomainOrWhatLiesBelowItsSuffix() {
    assertThat(new DomainPattern("Docomo.NE.jp.").matches("docomo.ne.jp")).isTrue();
    assertThat(new DomainPattern("*.example.jp").matches("a.example.jp")).isTrue();
    assertThat(new DomainPattern("*.example.jp").matches("example.jp")).isFalse();
    assertThat(new DomainPattern("*.example.jp").matches("badexample.jp")).isFalse();
  }
}
