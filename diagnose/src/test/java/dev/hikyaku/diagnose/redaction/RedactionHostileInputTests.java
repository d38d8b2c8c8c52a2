package dev.hikyaku.diagnose.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Folded, encoded, quoted and hostile header text. */
class RedactionHostileInputTests {

  private final HeaderRedactor redactor = new HeaderRedactor();

  @Test
  void foldedAddressListShouldKeepItsLineBreaksAndMaskEveryMailbox() {
    String header =
        "To: Alice <alice@corp.test>,\r\n  \"Bob\r\n Builder\" <bob@corp.test>,\r\n\tcarol@corp.test\r\n";

    String text = redactor.redact(header).text();

    assertThat(text)
        .isEqualTo(
            "To: Name 1 <user1@domain1.example>,\r\n  Name 2 <user2@domain1.example>,\r\n"
                + "\tuser3@domain1.example\r\n");
  }

  @Test
  void encodedWordsInNamesAndSubjectShouldBeMaskedWhole() {
    String header =
        """
        From: =?UTF-8?B?5L2Q6Jek?= =?UTF-8?Q?_Alice?= <alice@corp.test>
        Subject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=
         =?UTF-8?Q?caf=C3=A9?=
        Reply-To: =?UTF-8?B?5L2Q6Jek?= =?UTF-8?Q?_Alice?= <Alice@CORP.test>
        """;

    String text = redactor.redact(header).text();

    assertThat(text)
        .isEqualTo(
            """
            From: Name 1 <user1@domain1.example>
            Subject: [subject redacted]
            Reply-To: Name 1 <user1@domain1.example>
            """);
  }

  @Test
  void quotedLocalPartsAndBareAddressesShouldBeMasked() {
    String header =
        """
        From: "john smith"@corp.test
        Received: by relay.corp.test; envelope-from john.smith@corp.test
        To: "quoted@name" <x@corp.test>, undisclosed-recipients:;
        """;

    String text = redactor.redact(header).text();

    assertThat(text)
        .contains("From: user1@domain1.example")
        .contains("by host1.domain1.example; envelope-from user2@domain1.example")
        .contains("To: Name 1 <user3@domain1.example>, undisclosed-recipients:;")
        .doesNotContain("john")
        .doesNotContain("quoted");
  }

  @Test
  void timesAndHexWordsShouldNotBeMistakenForIpAddresses() {
    HeaderRedactor withIps = new HeaderRedactor(RedactionOptions.defaults().withIpAddresses(true));
    String header =
        "Received: id dead:beef; Mon, 23 Nov 2026 14:37:53 +0000 from [::ffff:10.0.0.1]\n";

    assertThat(withIps.redact(header).text())
        .isEqualTo("Received: id dead:beef; Mon, 23 Nov 2026 14:37:53 +0000 from [2001:db8::1]\n");
  }

  @Test
  void nullAndEmptyInputShouldGiveEmptyRedaction() {
    assertThat(redactor.redact(null).text()).isEmpty();
    assertThat(redactor.redact("").replacements()).isEmpty();
    assertThat(redactor.redact("\r\n\r\n").text()).isEqualTo("\r\n\r\n");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void megabyteOfRepeatedSyntaxShouldBeHandledInLinearTime() {
    HeaderRedactor all =
        new HeaderRedactor(RedactionOptions.defaults().withIpAddresses(true).withFields("x-a"));
    for (String unit :
        new String[] {
          "a@", "\"\\", "@[", "a.", "<(", "((", "\"a\"", "1:", "1.", "=?", "a@b.", "x@[1", "\t\n"
        }) {
      String hostile =
          "From: " + unit.repeat((1 << 20) / unit.length()) + "\nTo: " + unit.repeat(1000) + "\n";
      assertThat(all.redact(hostile).text()).isNotNull();
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void megabyteHeaderOfManyAddressesShouldBeRedactedQuickly() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 1 << 20; i++) {
      b.append("Received: from h")
          .append(i % 50)
          .append(".corp.test ([10.0.")
          .append(i % 200)
          .append(".1]) for <u")
          .append(i % 300)
          .append("@corp.test>; Mon, 23 Nov 2026\r\n");
    }

    Redaction r =
        new HeaderRedactor(RedactionOptions.defaults().withIpAddresses(true)).redact(b.toString());

    assertThat(r.text()).doesNotContain("corp.test").doesNotContain("10.0.");
    assertThat(r.replacements()).hasSize(1 + 50 + 200 + 300);
  }

  @Test
  void randomBytesShouldNeverThrow() {
    Random random = new Random(2026);
    String alphabet = "aZ09@.<>\"\\()[]:;,=?- \t\r\nIPv6é";
    for (int round = 0; round < 2000; round++) {
      char[] chars = new char[random.nextInt(200)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String header = "From: " + new String(chars);
      assertThat(redactor.redact(header).text()).isNotNull();
      assertThat(
              new HeaderRedactor(
                      RedactionOptions.defaults().withIpAddresses(true).withFields("from"))
                  .redact(header)
                  .text())
          .isNotNull();
    }
  }
}
