package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.bytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The header.b prefix of RFC 6008 §4: at least 8 characters, unique when it can be, bounded. */
class DkimHeaderBTests {

  private static String field(String selector, String b) {
    return "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s="
        + selector
        + "; h=from; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b="
        + b
        + "\r\n";
  }

  private static List<DkimVerification> verify(String... fields) {
    return new DkimVerifier(new InMemoryZone(), CLOCK)
        .verify(concat(bytes(String.join("", fields)), MESSAGE));
  }

  @Test
  void headerBShouldBeEightCharactersWhenThatTellsSignaturesApart() {
    List<DkimVerification> results =
        verify(field("a", "AAAAAAAAAAAAAAAA"), field("b", "BBBBBBBBBBBBBBBB"));

    assertThat(results)
        .extracting(DkimVerification::headerB)
        .containsExactly("AAAAAAAA", "BBBBBBBB");
  }

  @Test
  void headerBShouldBeOneCharacterLongerThanThePrefixSharedWithAnotherSignature() {
    String shared = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    List<DkimVerification> results =
        verify(field("a", shared + "AAAAAAAA"), field("b", shared + "BBBBBBBB"));

    assertThat(results)
        .extracting(DkimVerification::headerB)
        .containsExactly(shared + "A", shared + "B");
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.SECONDS)
  void halfMegabyteSignaturesSharingALongPrefixShouldGiveAShortHeaderBQuickly() {
    String one = "A".repeat(500_000);
    String two = "A".repeat(499_999) + "B";

    List<DkimVerification> results = verify(field("a", one), field("b", two));

    // Sharing 64 characters or more, neither can be told apart within the bound: both keep 64.
    assertThat(results)
        .extracting(DkimVerification::headerB)
        .containsExactly("A".repeat(64), "A".repeat(64));
  }

  @Test
  void aSignatureWhoseBIsAPrefixOfAnothersShouldKeepItsWholeShortB() {
    List<DkimVerification> results =
        verify(field("a", "ABCDEFGHIJKL"), field("b", "ABCDEFGHIJKLMNOP"));

    assertThat(results)
        .extracting(DkimVerification::headerB)
        .containsExactly("ABCDEFGHIJKL", "ABCDEFGHIJKLM");
  }
}
