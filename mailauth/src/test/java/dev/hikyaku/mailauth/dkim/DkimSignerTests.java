package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.NOW;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.ed25519;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.rsa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DkimSignerTests {

  @Test
  void theFieldShouldStateTheDefaultsAndBeFoldedBefore78Columns() {
    String field =
        DkimSigner.builder("Example.com", "Sel", rsa().getPrivate())
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);

    assertThat(field)
        .startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel;");
    assertThat(field)
        .contains("t=" + NOW.getEpochSecond() + ";")
        .doesNotContain("x=")
        .doesNotContain(" l=");
    assertThat(field).endsWith("\r\n").doesNotContain("\n\n");
    assertThat(field.split("\r\n")).allMatch(line -> line.replace("\t", "        ").length() <= 78);
    assertThat(List.of(field.split("\r\n")).subList(1, field.split("\r\n").length))
        .allMatch(line -> line.startsWith("\t"));
  }

  @Test
  void presentHeadersShouldBeSignedAndOversignedOnceMoreEvenWhenAbsent() {
    DkimSignature signature =
        parse(
            DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
                .clock(CLOCK)
                .build()
                .sign(MESSAGE));

    assertThat(String.join(":", signature.signedHeaders()))
        .isEqualTo(
            "From:From:To:To:Subject:Subject:Date:Date:Message-ID:Message-ID:MIME-Version:Content-Type"
                + ":List-Unsubscribe:List-Unsubscribe-Post");
    assertThat(signature.algorithm()).isEqualTo(DkimAlgorithm.ED25519_SHA256);
    assertThat(signature.bodyLength()).isEmpty();
  }

  @Test
  void theConfiguredHeadersIdentityAndExpiryShouldBeUsed() {
    DkimSignature signature =
        parse(
            DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
                .signedHeaders(List.of("from", "subject"))
                .oversignedHeaders(List.of())
                .canonicalization(Canonicalization.SIMPLE, Canonicalization.RELAXED)
                .identity("news@mail.example.com")
                .expireAfter(Duration.ofDays(7))
                .clock(CLOCK)
                .build()
                .sign(MESSAGE));

    assertThat(signature.signedHeaders()).containsExactly("from", "subject");
    assertThat(signature.identity()).isEqualTo("news@mail.example.com");
    assertThat(signature.headerCanonicalization()).isEqualTo(Canonicalization.SIMPLE);
    assertThat(signature.bodyCanonicalization()).isEqualTo(Canonicalization.RELAXED);
    assertThat(signature.timestamp()).contains(NOW);
    assertThat(signature.expiration()).contains(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void aBadConfigurationShouldFailWhenBuiltNotWhenSigning() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(768);

    assertThatThrownBy(() ->
            DkimSigner.builder("example.com", "sel", generator.generateKeyPair().getPrivate()))
        .hasMessage("RSA signing keys must have 1024 to 4096 bits (RFC 8301 §3.2), not 768");
    assertThatThrownBy(() -> DkimSigner.builder("example..com", "sel", ed25519().getPrivate()))
        .hasMessage("not a valid signing domain: example..com");
    assertThatThrownBy(() ->
            DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
                .identity("ceo@evil.example"))
        .hasMessage("i= must be in example.com: ceo@evil.example");
    assertThatThrownBy(() ->
            DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
                .signedHeaders(List.of("To"))
                .oversignedHeaders(List.of())
                .build())
        .hasMessage("From must be signed (RFC 6376 §5.4)");
    assertThatThrownBy(() ->
            DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
                .signedHeaders(List.of("From", "Bad Name")))
        .hasMessage("not a header field name: 'Bad Name'");
  }

  private static DkimSignature parse(String field) {
    String value = field.substring(field.indexOf(':') + 1);
    return ((ParseResult.Valid<DkimSignature>) DkimSignature.parse(value)).value();
  }
}
