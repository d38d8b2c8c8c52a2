package dev.hikyaku.audience.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Address cells as people fill them in: each mistake named, each harmless habit forgiven. */
class AddressCheckTests {

  private static final AddressCheck STRICT =
      new AddressCheck(FullWidthPolicy.REJECT_WITH_SUGGESTION);

  private static Rejection rejection(String cell) {
    AddressVerdict verdict = STRICT.check(cell);
    assertThat(verdict).as(cell).isInstanceOf(AddressVerdict.Invalid.class);
    return ((AddressVerdict.Invalid) verdict).rejection();
  }

  private static AddressVerdict.Valid valid(AddressCheck check, String cell) {
    AddressVerdict verdict = check.check(cell);
    assertThat(verdict).as(cell).isInstanceOf(AddressVerdict.Valid.class);
    return (AddressVerdict.Valid) verdict;
  }

  private static AddressVerdict.Valid valid(String cell) {
    return valid(STRICT, cell);
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("", RejectionReason.MISSING_ADDRESS, List.of()),
        Arguments.of(" \u3000 ", RejectionReason.MISSING_ADDRESS, List.of()),
        Arguments.of(
            "taro.example.jp", RejectionReason.MISSING_AT_SIGN, List.of("taro.example.jp")),
        Arguments.of(
            "taro@@example.jp", RejectionReason.MULTIPLE_AT_SIGNS, List.of("taro@@example.jp")),
        Arguments.of(
            "taro@example.jp; hanako@example.jp",
            RejectionReason.MULTIPLE_ADDRESSES,
            List.of("taro@example.jp; hanako@example.jp")),
        Arguments.of(
            "taro@example.jp、hanako@example.jp",
            RejectionReason.MULTIPLE_ADDRESSES,
            List.of("taro@example.jp、hanako@example.jp")),
        Arguments.of(
            "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ",
            RejectionReason.FULL_WIDTH_CHARACTERS,
            List.of("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp")),
        Arguments.of(
            "taro＠example.jp",
            RejectionReason.FULL_WIDTH_CHARACTERS,
            List.of("taro＠example.jp", "taro@example.jp")),
        Arguments.of("ｔａｒｏｅｘａｍｐｌｅ．ｊｐ", RejectionReason.MISSING_AT_SIGN, List.of("ｔａｒｏｅｘａｍｐｌｅ．ｊｐ")),
        Arguments.of(
            "taro @example.jp", RejectionReason.CONTAINS_SPACE, List.of("taro @example.jp")),
        Arguments.of(
            "山田@example.jp", RejectionReason.NON_ASCII_CHARACTERS, List.of("山田@example.jp", "山")),
        Arguments.of(
            "taro(work)@example.jp",
            RejectionReason.INVALID_CHARACTER,
            List.of("taro(work)@example.jp", "(")),
        Arguments.of(".taro@example.jp", RejectionReason.LEADING_DOT, List.of(".taro@example.jp")),
        Arguments.of(
            "taro..yamada@example.jp",
            RejectionReason.CONSECUTIVE_DOTS,
            List.of("taro..yamada@example.jp")),
        Arguments.of(
            "taro..yamada@softbank.ne.jp",
            RejectionReason.CONSECUTIVE_DOTS,
            List.of("taro..yamada@softbank.ne.jp")),
        Arguments.of(
            "taro.@example.jp", RejectionReason.DOT_BEFORE_AT_SIGN, List.of("taro.@example.jp")),
        Arguments.of(
            "taro@example.jp.",
            RejectionReason.TRAILING_DOT,
            List.of("taro@example.jp.", "taro@example.jp")),
        Arguments.of(
            "taro@localhost",
            RejectionReason.INVALID_DOMAIN,
            List.of("taro@localhost", "localhost")),
        Arguments.of(
            "taro@example,jp",
            RejectionReason.INVALID_DOMAIN,
            List.of("taro@example,jp", "example,jp")),
        Arguments.of(
            "a".repeat(65) + "@example.jp",
            RejectionReason.TOO_LONG,
            List.of("a".repeat(65) + "@example.jp")),
        Arguments.of("@example.jp", RejectionReason.INVALID_ADDRESS, List.of("@example.jp")),
        Arguments.of("taro@", RejectionReason.INVALID_ADDRESS, List.of("taro@")));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void eachMistakeShouldBeRejectedWithItsOwnReason(
      String cell, RejectionReason reason, List<String> args) {
    assertThat(rejection(cell)).isEqualTo(new Rejection(reason, args));
  }

  @Test
  void surroundingSpacesAndMailtoShouldBeRemovedWithoutAWord() {
    for (String cell :
        List.of(" taro@example.jp\u3000", "mailto:taro@example.jp", "MAILTO: taro@Example.JP")) {
      AddressVerdict.Valid v = valid(cell);
      assertThat(v.address().value()).isEqualTo("taro@example.jp");
      assertThat(v.warnings()).isEmpty();
    }
  }

  @Test
  void aDisplayNameShouldBeTakenOutWithAWarning() {
    AddressVerdict.Valid v = valid("山田 太郎 <taro@example.jp>");

    assertThat(v.address().value()).isEqualTo("taro@example.jp");
    assertThat(v.displayName()).isEqualTo("山田 太郎");
    assertThat(v.warnings())
        .containsExactly(
            RowWarning.of(WarningCode.DISPLAY_NAME_REMOVED, "山田 太郎 <taro@example.jp>", "山田 太郎"));
  }

  @Test
  void aQuotedDisplayNameShouldBeUnquoted() {
    assertThat(valid("\"Yamada, \\\"Taro\\\"\" <taro@example.jp>").displayName())
        .isEqualTo("Yamada, \"Taro\"");
    assertThat(valid("<taro@example.jp>").warnings()).isEmpty();
  }

  @Test
  void halfWidthKanaInADisplayNameShouldNotCountAsAFullWidthAddress() {
    AddressVerdict.Valid v = valid("ﾔﾏﾀﾞ ﾀﾛｳ <taro@example.jp>");

    assertThat(v.displayName()).isEqualTo("ヤマダ タロウ");
    assertThat(v.warnings())
        .extracting(RowWarning::code)
        .containsExactly(WarningCode.DISPLAY_NAME_REMOVED);
  }

  @Test
  void fullWidthAddressesShouldBeNormalisedWithAWarningWhenThePolicySaysSo() {
    AddressCheck lenient = new AddressCheck(FullWidthPolicy.NORMALIZE_WITH_WARNING);

    AddressVerdict.Valid v = valid(lenient, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ");

    assertThat(v.address().value()).isEqualTo("taro@example.jp");
    assertThat(v.warnings())
        .containsExactly(
            RowWarning.of(WarningCode.FULL_WIDTH_NORMALIZED, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"));
  }

  @Test
  void oldDocomoAndEzwebAddressesShouldBeAcceptedWithAWarning() {
    for (String cell :
        List.of("taro..yamada@docomo.ne.jp", "taro.@EZweb.ne.jp", "a..b.@docomo.ne.jp")) {
      AddressVerdict.Valid v = valid(cell);
      assertThat(v.address()).isInstanceOf(ContactAddress.CarrierLegacy.class);
      assertThat(v.warnings())
          .containsExactly(RowWarning.of(WarningCode.CARRIER_LEGACY_ADDRESS, v.address().value()));
    }
    assertThat(valid("taro.@EZweb.ne.jp").address().value()).isEqualTo("taro.@ezweb.ne.jp");
  }

  @Test
  void aCarrierDomainShouldNotExcuseOtherMistakes() {
    assertThat(rejection(".taro@docomo.ne.jp").reason()).isEqualTo(RejectionReason.LEADING_DOT);
    assertThat(rejection("ta ro@docomo.ne.jp").reason()).isEqualTo(RejectionReason.CONTAINS_SPACE);
  }

  @Test
  void roleAddressesShouldBeAcceptedWithAWarning() {
    for (String local :
        List.of("info", "No-Reply", "postmaster", "toiawase", "support+jp", "sales")) {
      AddressVerdict.Valid v = valid(local + "@example.co.jp");
      assertThat(v.warnings())
          .extracting(RowWarning::code)
          .containsExactly(WarningCode.ROLE_ADDRESS);
      assertThat(v.warnings().getFirst().args().get(1))
          .isEqualTo(local.toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(valid("information.taro@example.co.jp").warnings()).isEmpty();
  }
}
