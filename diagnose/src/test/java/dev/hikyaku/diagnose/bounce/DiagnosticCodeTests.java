package dev.hikyaku.diagnose.bounce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hikyaku.diagnose.logs.Dsn;
import org.junit.jupiter.api.Test;

/** Diagnostic-Code and typed fields are read leniently and kept printable and bounded. */
class DiagnosticCodeTests {

  @Test
  void theTypeIsLowerCasedAndTheTextUnfoldedIntoSingleSpaces() {
    DiagnosticCode code =
        DiagnosticCode.parse("SMTP; 550 5.1.1 <a@example.net>:\r\n    User\tunknown");

    assertThat(code)
        .isEqualTo(new DiagnosticCode("smtp", "550 5.1.1 <a@example.net>: User unknown"));
    assertThat(code.replyCode()).hasValue(550);
    assertThat(code.enhancedStatus()).contains(new Dsn(5, 1, 1));
  }

  @Test
  void aTextWithoutTypeIsSmtpOnlyWhenItStartsWithAReplyCode() {
    assertThat(DiagnosticCode.parse("550 No such user").type()).isEqualTo("smtp");
    assertThat(DiagnosticCode.parse("mailbox unknown; sorry").type())
        .isEqualTo(DiagnosticCode.UNSPECIFIED);
    assertThat(DiagnosticCode.parse("X-Postfix; host mx said: 550").type()).isEqualTo("x-postfix");
  }

  @Test
  void ipAddressesAndVersionsAreNotTakenForStatusCodes() {
    assertThat(DiagnosticCode.parse("smtp; 192.0.2.25 does not like recipient").enhancedStatus())
        .isEmpty();
    assertThat(DiagnosticCode.parse("smtp; 192.0.2.25 does not like recipient").replyCode())
        .isEmpty();
    assertThat(DiagnosticCode.parse("x-exim; Exim 4.97.1 said 5.1.1.").enhancedStatus())
        .contains(new Dsn(5, 1, 1));
  }

  @Test
  void controlCharactersAreReplacedAndLongTextIsCut() {
    DiagnosticCode code = DiagnosticCode.parse("smtp; 550 a\u0000b\u001b[31m" + "x".repeat(5_000));

    assertThat(code.text()).doesNotContain("\u0000", "\u001b").hasSize(DiagnosticCode.MAX_TEXT + 1);
    assertThat(code.text()).endsWith("…");
  }

  @Test
  void typedValuesStripAngleBracketsFromAddressesOnly() {
    assertThat(TypedValue.parse("RFC822; <a@example.net>"))
        .contains(new TypedValue("rfc822", "a@example.net"));
    assertThat(TypedValue.parse("dns; <odd>")).contains(new TypedValue("dns", "<odd>"));
    assertThat(TypedValue.parse("a@example.net")).isEmpty();
    assertThat(TypedValue.parse("rfc822;   ")).isEmpty();
    assertThat(TypedValue.parse("bad type; a@example.net")).isEmpty();
    assertThatIllegalArgumentException().isThrownBy(() -> new TypedValue("", "x"));
  }

  @Test
  void malformedUnicodeEscapesAreKeptAsWritten() {
    assertThat(TypedValue.parse("utf-8; \\x{110000}\\x{zz}\\x{41}@example.jp"))
        .contains(new TypedValue("utf-8", "\\x{110000}\\x{zz}A@example.jp"));
  }
}
