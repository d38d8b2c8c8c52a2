package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The text part derived from an HTML body. */
class HtmlToTextTests {

  @Test
  void paragraphsShouldBeSeparatedByABlankLineAndBrShouldBreakTheLine() {
    assertThat(
            HtmlToText.convert("<p>First   para\n graph.</p><p>Second<br>line two<br/>three</p>"))
        .isEqualTo("First para graph.\n\nSecond\nline two\nthree");
  }

  @Test
  void headingsShouldStandAsTheirOwnParagraphs() {
    assertThat(HtmlToText.convert("<h1>Title</h1>Intro text<h2>Part</h2><div>a</div><div>b</div>"))
        .isEqualTo("Title\n\nIntro text\n\nPart\n\na\nb");
  }

  @Test
  void listsShouldUseDashesNumbersAndIndentNestedItems() {
    String html =
        "<p>Menu:</p><ul><li>Tea</li><li>Coffee<ul><li>Hot</li><li>Iced</li></ul></li></ul>"
            + "<ol><li>one</li><li>two</li></ol><p>End</p>";
    assertThat(HtmlToText.convert(html))
        .isEqualTo("Menu:\n\n- Tea\n- Coffee\n  - Hot\n  - Iced\n\n1. one\n2. two\n\nEnd");
  }

  @Test
  void linksShouldShowTheirUrlAfterTheTextUnlessTheTextIsTheUrl() {
    String html =
        "<p>See <a href=\"https://example.jp/a?x=1&amp;y=2\">our page</a>,"
            + " <a href=\"https://example.jp/\">https://example.jp/</a>,"
            + " <a href=\"mailto:info@example.jp\">info@example.jp</a>,"
            + " <a href=\"#top\">top</a> and <a href=\"javascript:alert(1)\">this</a>.</p>";
    assertThat(HtmlToText.convert(html, 200))
        .isEqualTo(
            "See our page (https://example.jp/a?x=1&y=2), https://example.jp/, info@example.jp,"
                + " top and this.");
  }

  @Test
  void entitiesShouldBeDecodedIncludingNumericOnes() {
    assertThat(
            HtmlToText.convert(
                "<p>&lt;a&gt; &amp; &quot;q&quot; &#26085;&#x672C; &#x1F600; &copy;"
                    + " &bogus; &#0; &#xD800; AT&T</p>"))
        .isEqualTo("<a> & \"q\" 日本 😀 © &bogus; \uFFFD \uFFFD AT&T");
  }

  @Test
  void scriptStyleHeadAndCommentsShouldBeDropped() {
    String html =
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
            + "<script>if (a < b) { document.write('<p>x</p>') }</script><!-- note -->"
            + "<p>Visible</p><SCRIPT type=x>hidden</SCRIPT></body></html>";
    assertThat(HtmlToText.convert(html)).isEqualTo("Visible");
  }

  @Test
  void imagesShouldBeReplacedByTheirAltText() {
    assertThat(HtmlToText.convert("<p>Logo: <img src=x.png alt=\"ACME &amp; Co\"> end</p>"))
        .isEqualTo("Logo: ACME & Co end");
  }

  @Test
  void latinTextShouldWrapAtSpacesAndNeverSplitAWord() {
    String url = "https://example.jp/" + "x".repeat(60);
    String text = HtmlToText.convert("<p>aaa bbb ccc ddd eee " + url + " fff</p>", 20);
    assertThat(text).isEqualTo("aaa bbb ccc ddd eee\n" + url + "\nfff");
  }

  @Test
  void japaneseTextShouldWrapByDisplayWidthAndRespectKinsoku() {
    // 20 columns hold 10 full-width characters; "。" may not start a line, so it stays with "す".
    String text = HtmlToText.convert("<p>あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほ</p>", 20);
    assertThat(text).isEqualTo("あいうえおかきくけこ\nさしすせそたちつてと\nなにぬねのはひふへほ");
    String kinsoku = HtmlToText.convert("<p>あいうえおかきくけす。「こんにちは」と言った。</p>", 20);
    assertThat(kinsoku).isEqualTo("あいうえおかきくけ\nす。「こんにちは」と\n言った。");
  }

  @Test
  void wrappingShouldNeverSplitASurrogatePair() {
    String text = HtmlToText.convert("<p>" + "😀".repeat(30) + "𠮷".repeat(30) + "</p>", 21);
    for (String line : text.split("\n")) {
      assertThat(Character.isHighSurrogate(line.charAt(line.length() - 1))).isFalse();
      assertThat(Character.isLowSurrogate(line.charAt(0))).isFalse();
      assertThat(TextWrapper.width(line)).isLessThanOrEqualTo(21);
    }
    assertThat(text.replace("\n", "")).isEqualTo("😀".repeat(30) + "𠮷".repeat(30));
  }

  @Test
  void sourceLineBreakBetweenJapaneseCharactersShouldNotBecomeASpace() {
    assertThat(HtmlToText.convert("<p>本日は\n晴天なり。\nHello\nworld</p>"))
        .isEqualTo("本日は晴天なり。 Hello world");
  }

  @Test
  void ideographicSpaceOpeningAParagraphShouldBeKept() {
    assertThat(HtmlToText.convert("<p>\u3000字下げした段落。</p>")).isEqualTo("\u3000字下げした段落。");
  }

  @Test
  void listItemsShouldWrapWithAHangingIndent() {
    assertThat(HtmlToText.convert("<ul><li>one two three four five six seven</li></ul>", 20))
        .isEqualTo("- one two three four\n  five six seven");
  }

  @Test
  void preformattedTextShouldKeepItsLinesAndSpaces() {
    assertThat(HtmlToText.convert("<p>a</p><pre>\n  x  = 1\n  y  = 2\n</pre><p>b</p>"))
        .isEqualTo("a\n\n  x  = 1\n  y  = 2\n\nb");
  }

  @Test
  void blockquoteShouldBePrefixed() {
    assertThat(HtmlToText.convert("<blockquote><p>quoted</p><p>more</p></blockquote><p>after</p>"))
        .isEqualTo("> quoted\n>\n> more\n\nafter");
  }

  @Test
  void brokenMarkupShouldNeverThrow() {
    assertThat(HtmlToText.convert("a < b and <p class=\"x>unterminated")).isEqualTo("a < b and");
    assertThat(HtmlToText.convert("<<<>>><a href=>x</b></ul></li><li>")).isEqualTo("<<<>>>x");
    assertThat(HtmlToText.convert("&&&;&#;&#x;&#99999999999;")).isEqualTo("&&&;&#;&#x;\uFFFD");
    assertThat(HtmlToText.convert("")).isEmpty();
  }

  @Test
  void widthBelowTwentyShouldBeRefused() {
    assertThatThrownBy(() -> HtmlToText.convert("x", 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
