package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template syntax, field listing, defaults and missing-field reports. */
class TemplateTests {

  private static Template text(String source) {
    return Template.parse(source, RenderContext.TEXT).orThrow();
  }

  private static List<TemplateError> errors(String source, RenderContext context) {
    return switch (Template.parse(source, context)) {
      case TemplateParse.Parsed parsed -> List.of();
      case TemplateParse.Rejected rejected -> rejected.errors();
    };
  }

  @Test
  void placeholdersShouldBeReplacedByFieldValues() {
    RenderResult result =
        text("Dear {{name}}, your code is {{code}}.")
            .render(Map.of("name", "Alice", "code", "X-1"));
    assertThat(result.text()).isEqualTo("Dear Alice, your code is X-1.");
    assertThat(result.missingFields()).isEmpty();
    assertThat(result.complete()).isTrue();
  }

  @Test
  void whitespaceInsideBracesShouldBeTolerated() {
    assertThat(text("{{  name  }}/{{ name | guest }}").render(Map.of("name", "Bo")).text())
        .isEqualTo("Bo/Bo");
  }

  @Test
  void japaneseFieldNamesShouldWork() {
    Template template = text("{{姓}} {{名}}様、ポイントは{{ポイント残高}}です。");
    assertThat(template.fields()).containsExactly("姓", "名", "ポイント残高");
    assertThat(template.render(Map.of("姓", "山田", "名", "太郎", "ポイント残高", "120")).text())
        .isEqualTo("山田 太郎様、ポイントは120です。");
  }

  @Test
  void fieldsShouldListEachFieldOnceInOrderOfFirstUse() {
    assertThat(text("{{b}} {{a.x}} {{b|z}} {{c_d-e}}").fields())
        .containsExactly("b", "a.x", "c_d-e");
  }

  @Test
  void defaultShouldBeUsedWhenTheFieldIsAbsentOrBlankAndNotBeReportedMissing() {
    Template template = text("Hello {{name|お客様}}!");
    assertThat(template.render(Map.of()).text()).isEqualTo("Hello お客様!");
    assertThat(template.render(Map.of("name", "   ")).text()).isEqualTo("Hello お客様!");
    assertThat(template.render(Map.of()).missingFields()).isEmpty();
  }

  @Test
  void missingFieldWithoutDefaultShouldRenderEmptyAndBeReportedOnce() {
    Map<String, String> values = new HashMap<>();
    values.put("city", null);
    RenderResult result =
        text("{{name}} in {{city}}, again {{name}}; {{blank}}")
            .render(mapWith(values, "blank", ""));
    assertThat(result.text()).isEqualTo(" in , again ; ");
    assertThat(result.missingFields()).containsExactly("name", "city", "blank");
    assertThat(result.complete()).isFalse();
  }

  @Test
  void fourOpeningBracesShouldStandForTwoLiteralOnes() {
    Template template = text("Write {{{{name}} to insert a name; }} alone is literal.");
    assertThat(template.fields()).isEmpty();
    assertThat(template.render(Map.of("name", "x")).text())
        .isEqualTo("Write {{name}} to insert a name; }} alone is literal.");
  }

  @Test
  void defaultMayHoldABarAndSingleBraces() {
    assertThat(text("{{a|x | y {z}}}").render(Map.of()).text()).isEqualTo("x | y {z}");
  }

  @Test
  void unclosedPlaceholderShouldBeReportedAtItsLineAndColumn() {
    List<TemplateError> errors =
        errors("first line\n  日本 {{name\nthird {{ok}}", RenderContext.TEXT);
    assertThat(errors).hasSize(1);
    TemplateError error = errors.getFirst();
    assertThat(error.kind()).isEqualTo(TemplateError.Kind.UNCLOSED_PLACEHOLDER);
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(6);
  }

  @Test
  void everyProblemShouldBeListedNotOnlyTheFirst() {
    List<TemplateError> errors =
        errors("{{}} and {{bad name}} and {{a/b}}\r\n{{😀}} {{x", RenderContext.TEXT);
    assertThat(errors)
        .extracting(TemplateError::kind)
        .containsExactly(
            TemplateError.Kind.INVALID_FIELD_NAME,
            TemplateError.Kind.INVALID_FIELD_NAME,
            TemplateError.Kind.INVALID_FIELD_NAME,
            TemplateError.Kind.INVALID_FIELD_NAME,
            TemplateError.Kind.UNCLOSED_PLACEHOLDER);
    assertThat(errors).extracting(TemplateError::line).containsExactly(1, 1, 1, 2, 2);
    // Columns count code points: the emoji (a surrogate pair) is one column.
    assertThat(errors).extracting(TemplateError::column).containsExactly(3, 12, 29, 3, 7);
  }

  @Test
  void everyOneOfManyUnclosedPlaceholdersShouldBeReported() {
    List<TemplateError> errors = errors("{{ x ".repeat(50_000), RenderContext.TEXT);
    assertThat(errors).hasSize(50_000);
    assertThat(errors.getLast().column()).isEqualTo(49_999 * 5 + 1);
  }

  @Test
  void fieldNameLongerThan64CharactersShouldBeRejected() {
    assertThat(errors("{{" + "a".repeat(65) + "}}", RenderContext.TEXT))
        .extracting(TemplateError::kind)
        .containsExactly(TemplateError.Kind.INVALID_FIELD_NAME);
    assertThat(errors("{{" + "a".repeat(64) + "}}", RenderContext.TEXT)).isEmpty();
  }

  @Test
  void textContextShouldInsertValuesUnescaped() {
    assertThat(text("{{v}}").render(Map.of("v", "<b>&\"x\"\r\nnext")).text())
        .isEqualTo("<b>&\"x\"\r\nnext");
  }

  @Test
  void renderingShouldBeRepeatableAndIndependentPerRecipient() {
    Template template = text("Hi {{name|there}}");
    assertThat(template.render(Map.of("name", "A")).text()).isEqualTo("Hi A");
    assertThat(template.render(Map.of()).text()).isEqualTo("Hi there");
    assertThat(template.render(Map.of("name", "A")).text()).isEqualTo("Hi A");
  }

  private static Map<String, String> mapWith(Map<String, String> map, String key, String value) {
    map.put(key, value);
    return map;
  }
}
