package dev.hikyaku.delivery.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.delivery.DeliveryRecord;
import dev.hikyaku.delivery.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which envelope recipients the bounce listener takes. */
class InboundRecipientTests {

  private static final String TOKEN = "abcdefghij0123456789klmnop";

  @Test
  void bounceAndUnsubscribeAddressesShouldBeRead() {
    assertThat(InboundRecipient.parse("<bounce+" + TOKEN + "@Bounces.Example.JP>"))
        .contains(new InboundRecipient.Bounce(TOKEN, "bounces.example.jp"));
    assertThat(InboundRecipient.parse("Unsubscribe+" + TOKEN + "@bounces.example.jp"))
        .contains(new InboundRecipient.Unsubscribe(TOKEN, "bounces.example.jp"));
  }

  @Test
  void otherAddressesShouldNotBeRead() {
    for (String address :
        List.of(
            "postmaster@bounces.example.jp",
            "bounce@bounces.example.jp",
            "bounce+" + TOKEN.toUpperCase() + "@bounces.example.jp",
            "bounce+" + TOKEN + "x@bounces.example.jp",
            "bounce+short@bounces.example.jp",
            "other+" + TOKEN + "@bounces.example.jp",
            "bounce+" + TOKEN + "@localhost",
            "bounce+" + TOKEN + "@bad_domain.jp",
            "bounce+" + TOKEN,
            "")) {
      assertThat(InboundRecipient.parse(address)).as(address).isEmpty();
    }
    assertThat(InboundRecipient.parse(null)).isEmpty();
  }

  @Test
  void aRecipientShouldRefuseAMalformedToken() {
    assertThatThrownBy(() -> new InboundRecipient.Bounce("ABC", "bounces.example.jp"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theGateShouldAdmitOnlyKnownTokensAtAcceptedDomains() {
    DeliveryRecord known =
        new DeliveryRecord(
            7,
            1,
            "taro@example.org",
            DeliveryState.DELIVERED,
            1,
            Instant.EPOCH,
            Instant.EPOCH,
            Optional.empty(),
            Optional.empty(),
            "",
            List.of());
    Map<String, DeliveryRecord> byToken = Map.of(TOKEN, known);
    RecipientGate gate =
        new RecipientGate("bounces.example.jp"::equals, t -> Optional.ofNullable(byToken.get(t)));

    assertThat(gate.admit("bounce+" + TOKEN + "@bounces.example.jp"))
        .hasValueSatisfying(a -> assertThat(a.delivery()).isSameAs(known));
    assertThat(gate.admit("bounce+" + TOKEN + "@elsewhere.example")).isEmpty();
    assertThat(gate.admit("bounce+zzzzzzzzzzzzzzzzzzzzzzzzzz@bounces.example.jp")).isEmpty();
    assertThat(gate.admit("postmaster@bounces.example.jp")).isEmpty();
  }
}
