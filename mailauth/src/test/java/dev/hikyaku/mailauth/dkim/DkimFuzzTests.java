package dev.hikyaku.mailauth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Fuzzes the DKIM-Signature and key record parsers and the verifier with Jazzer: any signature
 * field, key record and message give parse outcomes and verdicts, never an exception.
 */
class DkimFuzzTests {

  /** The entry point for both JUnit and Jazzer's command line. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String signature = data.consumeString(600);
    String keyRecord = data.consumeString(300);
    byte[] body = data.consumeRemainingAsBytes();
    assertThat(DkimSignature.parse(signature)).isNotNull();
    assertThat(DkimKeyRecord.parse(keyRecord)).isNotNull();
    InMemoryZone zone = new InMemoryZone().txt("s._domainkey.example.com", keyRecord);
    byte[] head =
        ("DKIM-Signature: " + signature + "\r\nFrom: a@example.com\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[head.length + body.length];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    for (DkimVerification verification :
        new DkimVerifier(zone, Clock.systemUTC()).verify(message)) {
      assertThat(verification.result()).isNotNull();
    }
  }

  @DictionaryEntries({
    "v=1; ",
    "a=rsa-sha256; ",
    "a=ed25519-sha256; ",
    "d=example.com; ",
    "s=s; ",
    "h=from:to; ",
    "bh=",
    "b=",
    "c=relaxed/simple; ",
    "l=",
    "t=",
    "x=",
    "i=@example.com",
    "v=DKIM1; ",
    "k=ed25519; ",
    "k=rsa; ",
    "p=",
    "t=y:s"
  })
  @FuzzTest(maxDuration = "20s")
  void anySignatureShouldGiveAVerdict(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }
}
