package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Escaping per context: XSS attempts in HTML, header injection in headers. */
class TemplateEscapingTests {

  private static RenderResult html(String source, String value) {
    return Template.parse(source, RenderContext.HTML).orThrow().render(Map.of("v", value));
  }

  private static List<TemplateError> htmlErrors(String source) {
    return switch (Template.parse(source, RenderContext.HTML)) {
      case TemplateParse.Parsed parsed -> List.of();
      case TemplateParse.Rejected rejected -> rejected.errors();
    };
  }

  @Test
  void htmlTextShouldEscapeMarkup() {
    assertThat(html("<p>{{v}}</p>", "<script>alert(1)</script> & 'x' \"y\"").text())
        .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39; &quot;y&quot;</p>");
  }

  @Test
  void quotedAttributeValueShouldNotBreakOutOfItsQuotes() {
    assertThat(html("<img alt=\"{{v}}\">", "x\" onerror=\"alert(1)").text())
        .isEqualTo("<img alt=\"x&quot; onerror=&quot;alert(1)\">");
    assertThat(html("<img alt='{{v}}'>", "x' onerror='alert(1)").text())
        .isEqualTo("<img alt='x&#39; onerror=&#39;alert(1)'>");
  }

  @Test
  void unquotedAttributeValueShouldNotStartAnotherAttribute() {
    assertThat(html("<img alt={{v}}>", "x onerror=alert(1)").text())
        .isEqualTo("<img alt=x&#32;onerror&#61;alert(1)>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u0001javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "ｊavascript:alert(1)"
      })
  void dangerousLinkTargetShouldBeBlockedAndReported(String url) {
    RenderResult result = html("<a href=\"{{v}}\">x</a>", url);
    assertThat(result.text()).isEqualTo("<a href=\"\">x</a>");
    assertThat(result.blockedUrlFields()).containsExactly("v");
    assertThat(result.complete()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.jp/a?b=1&c=2",
        "http://example.jp/",
        "mailto:info@example.jp",
        "tel:+81-3-1234-5678",
        "/relative/path",
        "page.html#top",
        "?q=1"
      })
  void safeLinkTargetShouldBeKeptAndEscaped(String url) {
    RenderResult result = html("<a href=\"{{v}}\">x</a>", url);
    assertThat(result.text()).isEqualTo("<a href=\"" + url.replace("&", "&amp;") + "\">x</a>");
    assertThat(result.blockedUrlFields()).isEmpty();
  }

  @Test
  void unquotedLinkTargetShouldBeCheckedAndNotStartAnotherAttribute() {
    assertThat(html("<a href={{v}}>x</a>", "https://example.jp/ onmouseover=alert(1)").text())
        .isEqualTo("<a href=https://example.jp/&#32;onmouseover&#61;alert(1)>x</a>");
    assertThat(html("<a href={{v}}>x</a>", "javascript:alert(1)").blockedUrlFields())
        .containsExactly("v");
  }

  @Test
  void valueAfterLiteralUrlTextShouldBePercentEncoded() {
    RenderResult result =
        html("<a href=\"https://example.jp/u?id={{v}}\">x</a>", "1&admin=true\" onclick=\"x");
    assertThat(result.text())
        .isEqualTo(
            "<a href=\"https://example.jp/u?id=1%26admin%3Dtrue%22%20onclick%3D%22x\">x</a>");
  }

  @Test
  void japaneseValueInUrlQueryShouldBeUtf8PercentEncoded() {
    assertThat(html("<a href='https://example.jp/?n={{v}}'>x</a>", "山田").text())
        .isEqualTo("<a href='https://example.jp/?n=%E5%B1%B1%E7%94%B0'>x</a>");
  }

  @Test
  void placeholdersInScriptStyleAndEventHandlersShouldBeRefusedAtParseTime() {
    assertThat(htmlErrors("<p>ok</p>\n<script>var n = '{{v}}';</script>"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(TemplateError.Kind.UNSAFE_HTML_POSITION);
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(18);
        });
    assertThat(htmlErrors("<style>p { color: {{v}} }</style>")).hasSize(1);
    assertThat(htmlErrors("<a onclick=\"go('{{v}}')\">x</a>")).hasSize(1);
    assertThat(htmlErrors("<p style=\"{{v}}\">x</p>")).hasSize(1);
    assertThat(htmlErrors("<p {{v}}>x</p>")).hasSize(1);
    assertThat(htmlErrors("<{{v}}>")).hasSize(1);
  }

  @Test
  void textAfterAClosedScriptShouldBeAnOrdinaryPosition() {
    assertThat(htmlErrors("<script>var a = 1;</script><p>{{v}}</p><!-- {{v}} -->")).isEmpty();
    assertThat(html("<script>x</SCRIPT><b>{{v}}</b>", "<i>").text())
        .isEqualTo("<script>x</SCRIPT><b>&lt;i&gt;</b>");
  }

  @Test
  void defaultsShouldBeEscapedLikeValues() {
    Template template = Template.parse("<p>{{v|<b>guest</b>}}</p>", RenderContext.HTML).orThrow();
    assertThat(template.render(Map.of()).text()).isEqualTo("<p>&lt;b&gt;guest&lt;/b&gt;</p>");
  }

  @Test
  void headerValueWithLineBreaksShouldBeFlattenedSoNoHeaderCanBeInjected() {
    Template subject = Template.parse("Hello {{v}}!", RenderContext.HEADER).orThrow();
    RenderResult result =
        subject.render(Map.of("v", "Bob\r\nBcc: victim@example.com\n\rX: y\u2028z\u0085w\tq"));
    assertThat(result.text()).isEqualTo("Hello Bob Bcc: victim@example.com X: y z w q!");
    assertThat(result.text()).doesNotContain("\r", "\n");
  }

  @Test
  void headerTemplateShouldNotSpanLines() {
    assertThat(Template.parse("Hello\r\n{{v}}", RenderContext.HEADER))
        .isInstanceOfSatisfying(
            TemplateParse.Rejected.class,
            r ->
                assertThat(r.errors())
                    .extracting(TemplateError::kind)
                    .containsExactly(TemplateError.Kind.LINE_BREAK_IN_HEADER));
  }

  @Test
  void headerShouldKeepIdeographicSpaces() {
    Template subject = Template.parse("【{{v}}】", RenderContext.HEADER).orThrow();
    assertThat(subject.render(Map.of("v", "山田\u3000太郎")).text()).isEqualTo("【山田\u3000太郎】");
  }
}
