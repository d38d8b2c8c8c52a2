package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-recipient preview: render the templates, then compose. */
class CampaignTemplatesTests {

  private static final CampaignTemplates TEMPLATES =
      new CampaignTemplates(
          Template.parse("{{姓}}様へのお知らせ", RenderContext.HEADER).orThrow(),
          Optional.empty(),
          Optional.of(
              Template.parse(
                      "<p>{{姓}} {{名|}}様</p><p><a href=\"{{url}}\">詳細</a> {{coupon}}</p>",
                      RenderContext.HTML)
                  .orThrow()));

  @Test
  void fieldsShouldListEveryTemplatesFieldsOnce() {
    assertThat(TEMPLATES.fields()).containsExactly("姓", "名", "url", "coupon");
  }

  @Test
  void renderedContentShouldComposeIntoAPreviewableMessage() {
    PersonalisedContent content =
        TEMPLATES.render(Map.of("姓", "山田", "url", "https://example.jp/d?id=1"));
    assertThat(content.subject()).isEqualTo("山田様へのお知らせ");
    assertThat(content.missingFields()).containsExactly("coupon");
    assertThat(content.blockedUrlFields()).isEmpty();
    CampaignMessage message =
        content
            .applyTo(
                CampaignMessage.builder(
                    Mailbox.of("news@example.jp", "News"),
                    Mailbox.of("yamada@example.com", "山田"),
                    new MessageId("p1@example.jp")))
            .build();
    assertThat(message.textBody()).isEqualTo("山田 様\n\n詳細 (https://example.jp/d?id=1)");
    assertThat(Messages.COMPOSER.compose(message)).isInstanceOf(Composition.Composed.class);
  }

  @Test
  void blockedUrlShouldBeReportedAcrossTemplates() {
    PersonalisedContent content =
        TEMPLATES.render(Map.of("姓", "X", "url", "javascript:alert(1)", "coupon", "C"));
    assertThat(content.blockedUrlFields()).containsExactly("url");
    assertThat(content.html()).hasValueSatisfying(h -> assertThat(h).contains("href=\"\""));
  }

  @Test
  void templatesShouldBeParsedForTheirContext() {
    Template text = Template.parse("x", RenderContext.TEXT).orThrow();
    assertThatThrownBy(() -> new CampaignTemplates(text, Optional.of(text), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HEADER");
  }
}
