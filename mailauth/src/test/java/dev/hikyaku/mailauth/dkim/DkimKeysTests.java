package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.conformanceText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DkimKeysTests {

  @Test
  void anEd25519RecordShouldCarryTheRaw32ByteKey() {
    KeyPair keys = DkimFixtures.ed25519();

    String record = DkimKeys.publicKeyRecord(keys.getPublic());

    assertThat(record).startsWith("v=DKIM1; k=ed25519; p=");
    byte[] p = Base64.getDecoder().decode(record.substring(record.indexOf("p=") + 2));
    assertThat(p).hasSize(32);
    assertThat(parse(record).publicKey()).contains(keys.getPublic());
  }

  @Test
  void anRsaRecordShouldCarryTheSubjectPublicKeyInfo() {
    KeyPair keys = DkimFixtures.rsa();

    String record = DkimKeys.publicKeyRecord(keys.getPublic());

    assertThat(record).startsWith("v=DKIM1; k=rsa; p=MIIBIjAN");
    assertThat(parse(record).keyBits()).isEqualTo(2048);
    assertThat(parse(record).publicKey()).contains(keys.getPublic());
  }

  @Test
  void privateKeysShouldRoundTripThroughPkcs8Pem() {
    for (KeyPair keys : new KeyPair[] {DkimFixtures.rsa(), DkimFixtures.ed25519()}) {
      String pem = DkimKeys.toPem(keys.getPrivate());

      assertThat(pem)
          .startsWith("-----BEGIN PRIVATE KEY-----\n")
          .endsWith("-----END PRIVATE KEY-----\n");
      assertThat(pem.lines()).allMatch(line -> line.length() <= 64);
      assertThat(DkimKeys.readPrivateKey(pem)).isEqualTo(keys.getPrivate());
    }
  }

  @Test
  void pkcs1RsaKeysAsDkimpyWritesThemShouldBeRead() {
    PrivateKey key = DkimKeys.readPrivateKey(conformanceText("test.private"));

    assertThat(key).isInstanceOf(RSAPrivateKey.class);
    assertThat(DkimKeys.keyBits(key)).isEqualTo(1024);
  }

  @Test
  void generatedRsaKeysShouldHaveTheRequestedSizeWithinRfc8301Limits() {
    assertThat(DkimKeys.keyBits(DkimKeys.generateRsa(1024).getPublic())).isEqualTo(1024);
    assertThat(DkimKeys.DEFAULT_RSA_BITS).isEqualTo(2048);
    assertThatThrownBy(() -> DkimKeys.generateRsa(512))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RSA keys must have 1024 to 4096 bits, not 512");
    assertThatThrownBy(() -> DkimKeys.generateRsa(8192))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theZoneFileLineShouldSplitTheValueIntoStringsOfAtMost255() {
    KeyPair keys = DkimFixtures.rsa();

    String line = DkimKeys.zoneFileLine("s2026", "Example.COM", keys.getPublic());

    assertThat(line).startsWith("s2026._domainkey.example.com. IN TXT \"v=DKIM1; k=rsa; p=");
    String[] strings = line.substring(line.indexOf('"')).split("\" \"");
    assertThat(strings).hasSizeGreaterThan(1);
    assertThat(strings).allMatch(s -> s.replace("\"", "").length() <= 255);
    assertThat(String.join("", strings).replace("\"", ""))
        .isEqualTo(DkimKeys.publicKeyRecord(keys.getPublic()));
  }

  @Test
  void badNamesAndBadPemShouldBeRefusedWithAMessage() {
    assertThatThrownBy(() -> DkimKeys.recordName("bad selector", "example.com"))
        .hasMessage("not a valid selector: bad selector");
    assertThatThrownBy(() -> DkimKeys.recordName("s", "localhost"))
        .hasMessage("not a valid domain name: localhost");
    assertThatThrownBy(() -> DkimKeys.readPrivateKey("nothing here"))
        .hasMessage("no PEM private key found");
    assertThatThrownBy(() ->
            DkimKeys.readPrivateKey(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"))
        .hasMessage("encrypted private keys are not supported");
    assertThatThrownBy(() ->
            DkimKeys.readPrivateKey(
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
        .hasMessage("not an RSA or Ed25519 PKCS#8 private key");
  }

  private static DkimKeyRecord parse(String record) {
    return ((ParseResult.Valid<DkimKeyRecord>) DkimKeyRecord.parse(record)).value();
  }
}
