package dev.hikyaku.mailauth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagListTests {

  @Test
  void tagsShouldBeReadWithoutTheWhitespaceAroundThemAndInOrder() {
    TagList tags = valid(" v=1;\r\n\ta = rsa-sha256 ; h=From :\r\n To; b=abc\r\n def ;");

    assertThat(tags.tags())
        .containsExactly(
            java.util.Map.entry("v", "1"),
            java.util.Map.entry("a", "rsa-sha256"),
            java.util.Map.entry("h", "From :\r\n To"),
            java.util.Map.entry("b", "abc\r\n def"));
    assertThat(tags.firstName()).contains("v");
  }

  @Test
  void anEmptyValueShouldBeKeptAsEmpty() {
    assertThat(valid("v=DKIM1; p=").get("p")).contains("");
  }

  @Test
  void aDuplicateTagShouldInvalidateTheWholeList() {
    assertThat(invalid("v=1; d=a.example; d=b.example")).isEqualTo("duplicate tag d=");
  }

  @Test
  void tagNamesShouldBeCaseSensitive() {
    TagList tags = valid("d=a.example; D=b.example");
    assertThat(tags.get("d")).contains("a.example");
    assertThat(tags.get("D")).contains("b.example");
  }

  @Test
  void malformedListsShouldGiveAReasonNotAnException() {
    assertThat(invalid("v=1; novalue; d=x")).startsWith("tag without '='");
    assertThat(invalid("v=1;; d=x")).isEqualTo("empty tag in tag list");
    assertThat(invalid("1v=1")).startsWith("bad tag name");
    assertThat(invalid("=1")).startsWith("bad tag name");
    assertThat(invalid("v=1\u0000")).startsWith("control character");
  }

  @Test
  void aSingleTrailingSemicolonShouldBeAllowed() {
    assertThat(valid("v=1; a=b;  ").tags()).hasSize(2);
  }

  private static TagList valid(String text) {
    ParseResult<TagList> result = TagList.parse(text);
    assertThat(result).isInstanceOf(ParseResult.Valid.class);
    return ((ParseResult.Valid<TagList>) result).value();
  }

  private static String invalid(String text) {
    ParseResult<TagList> result = TagList.parse(text);
    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid<TagList>) result).reason();
  }
}
