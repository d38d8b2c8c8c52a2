package dev.hikyaku.bench;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dkim.DkimVerifier;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DKIM signing and verification per second for RSA-2048 and Ed25519 on 1 KB and 100 KB messages,
 * next to the JDK's raw {@link Signature} rate for the same key over data of the size DKIM signs
 * (the canonicalised header fields plus the DKIM-Signature field): the limit our code can reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DkimBenchmark {

  @Param({"rsa2048", "ed25519"})
  public String algorithm;

  @Param({"1024", "102400"})
  public int size;

  private DkimSigner signer;
  private DkimVerifier verifier;
  private byte[] message;
  private byte[] signedMessage;
  private KeyPair key;
  private byte[] signedData;
  private byte[] rawSignature;

  @Setup
  public void setUp() throws GeneralSecurityException {
    key = algorithm.equals("rsa2048") ? DkimKeys.generateRsa(2048) : DkimKeys.generateEd25519();
    message = message(size);
    signer = DkimSigner.builder("example.co.jp", "s1", key.getPrivate()).build();
    String field = signer.sign(message);
    signedMessage = concat(field.getBytes(StandardCharsets.US_ASCII), message);
    InMemoryZone zone =
        new InMemoryZone()
            .txt("s1._domainkey.example.co.jp", DkimKeys.publicKeyRecord(key.getPublic()));
    verifier = new DkimVerifier(zone, Clock.systemUTC());
    // What DKIM hands to the signature algorithm: the signed header fields and the signature
    // field without b=, about the size of the header block.
    int headerEnd = indexOf(signedMessage, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    signedData = java.util.Arrays.copyOf(signedMessage, headerEnd);
    rawSignature = rawSign();
    List<DkimVerification> check = verifier.verify(signedMessage);
    if (check.size() != 1 || check.get(0).result() != DkimResult.PASS) {
      throw new IllegalStateException("setup signature does not verify: " + check);
    }
  }

  @Benchmark
  public String sign() {
    return signer.sign(message);
  }

  @Benchmark
  public List<DkimVerification> verify() {
    return verifier.verify(signedMessage);
  }

  /** The JDK alone: sign the same amount of header data with the same key. */
  @Benchmark
  public byte[] rawSign() throws GeneralSecurityException {
    Signature signature = jdkSignature();
    signature.initSign(key.getPrivate());
    signature.update(dataToSign());
    return signature.sign();
  }

  /** The JDK alone: verify that signature with the same key. */
  @Benchmark
  public boolean rawVerify() throws GeneralSecurityException {
    Signature signature = jdkSignature();
    signature.initVerify(key.getPublic());
    signature.update(dataToSign());
    return signature.verify(rawSignature);
  }

  private Signature jdkSignature() throws GeneralSecurityException {
    return Signature.getInstance(algorithm.equals("rsa2048") ? "SHA256withRSA" : "Ed25519");
  }

  /** RFC 8463 §3: Ed25519 signs the SHA-256 hash of the data; RSA signs the data itself. */
  private byte[] dataToSign() throws GeneralSecurityException {
    return algorithm.equals("rsa2048")
        ? signedData
        : MessageDigest.getInstance("SHA-256").digest(signedData);
  }

  private static byte[] message(int size) {
    StringBuilder text =
        new StringBuilder(
            "From: =?UTF-8?B?5bqD5aCx?= <news@example.co.jp>\r\nTo: customer@example.org\r\n"
                + "Subject: =?UTF-8?B?44GK55+l44KJ44Gb?=\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0900\r\n"
                + "Message-ID: <bench@example.co.jp>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "List-Unsubscribe: <https://example.co.jp/u/abc>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\n");
    String line = "Hikyaku benchmark body line with some text to hash, 72 characters long.\r\n";
    while (text.length() < size) {
      text.append(line);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return data.length;
  }
}
