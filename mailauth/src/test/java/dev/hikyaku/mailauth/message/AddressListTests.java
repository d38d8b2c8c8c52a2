package dev.hikyaku.mailauth.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading author addresses from From field values as real mail writes them. */
class AddressListTests {

  @Test
  void plainAndAngleAddressesShouldBeRead() {
    assertThat(AddressList.addresses("user@example.com")).containsExactly("user@example.com");
    assertThat(AddressList.addresses("\"Sato, Taro\" <taro@Example.CO.JP>"))
        .containsExactly("taro@Example.CO.JP");
    assertThat(AddressList.domains("\"Sato, Taro\" <taro@Example.CO.JP.>"))
        .containsExactly("example.co.jp");
  }

  @Test
  void encodedDisplayNamesAndCommentsShouldNotConfuseTheAddress() {
    assertThat(
            AddressList.domains(
                "=?ISO-2022-JP?B?GyRCOzM4fRsoQg==?= <a@news.example.jp> (sent by a@evil.example)"))
        .containsExactly("news.example.jp");
    assertThat(AddressList.domains("a(comment (nested) with @ sign)@example.org"))
        .containsExactly("example.org");
  }

  @Test
  void severalAuthorsAndGroupsShouldAllBeRead() {
    assertThat(
            AddressList.domains(
                "a@one.example, \"B\" <b@two.example>, team: c@three.example, d@four.example;"))
        .containsExactly("one.example", "two.example", "three.example", "four.example");
    assertThat(AddressList.addresses("undisclosed-recipients:;")).isEmpty();
  }

  @Test
  void quotedAtSignsShouldNotSplitTheAddress() {
    assertThat(AddressList.addresses("\"a@b\"@example.net")).containsExactly("\"a@b\"@example.net");
    assertThat(AddressList.domains("\"x@evil.example\" <y@good.example>"))
        .containsExactly("good.example");
  }

  @Test
  void garbageShouldGiveNoAddresses() {
    assertThat(AddressList.addresses("")).isEmpty();
    assertThat(AddressList.addresses("no address here")).isEmpty();
    assertThat(AddressList.addresses("<>")).isEmpty();
    assertThat(AddressList.addresses("a@")).isEmpty();
    assertThat(AddressList.addresses("\"unterminated <a@b.example>")).isEmpty();
  }

  @Test
  @Timeout(2)
  void hugeHostileValuesShouldBeReadQuickly() {
    String value = "(".repeat(100_000) + "a@b.example" + ",x@y.example".repeat(100_000);

    assertThat(AddressList.addresses(value)).hasSizeLessThanOrEqualTo(AddressList.MAX_ADDRESSES);
    assertThat(AddressList.addresses("a@b.example, ".repeat(1000)))
        .hasSize(AddressList.MAX_ADDRESSES);
  }
}
