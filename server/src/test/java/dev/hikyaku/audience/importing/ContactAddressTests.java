package dev.hikyaku.audience.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * A contact's address: a standard one, or an old carrier one that only those two domains issued.
 */
class ContactAddressTests {

  @Test
  void aStandardAddressShouldKeepItsLocalPartAndLowerItsDomain() {
    ContactAddress address = ContactAddress.of("Taro.Yamada@Example.JP");

    assertThat(address).isInstanceOf(ContactAddress.Standard.class);
    assertThat(address.value()).isEqualTo("Taro.Yamada@example.jp");
    assertThat(address.localPart()).isEqualTo("Taro.Yamada");
    assertThat(address.domain()).isEqualTo("example.jp");
    assertThat(address.duplicateKey()).isEqualTo("taro.yamada@example.jp");
  }

  @Test
  void aCarrierAddressShouldNeedTheExemptionAndACarrierDomain() {
    assertThat(ContactAddress.of("taro..y@docomo.ne.jp"))
        .isEqualTo(new ContactAddress.CarrierLegacy("taro..y@docomo.ne.jp"));
    assertThat(ContactAddress.of("taro.y@docomo.ne.jp"))
        .isInstanceOf(ContactAddress.Standard.class);
    assertThatThrownBy(() -> new ContactAddress.CarrierLegacy("taro.y@docomo.ne.jp"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ContactAddress.of("taro..y@example.jp"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ContactAddress.of(".taro@docomo.ne.jp"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ContactAddress.of("taro..y@sub.docomo.ne.jp"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aCarrierAddressShouldLowerOnlyItsDomain() {
    ContactAddress address = ContactAddress.of("Taro..Y.@EZWEB.ne.jp");

    assertThat(address.value()).isEqualTo("Taro..Y.@ezweb.ne.jp");
    assertThat(address.duplicateKey()).isEqualTo("taro..y.@ezweb.ne.jp");
  }
}
