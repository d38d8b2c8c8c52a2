package dev.hikyaku.bench;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ceiling of a dual-signed campaign (benchmark P1): per message one RSA-2048 and one Ed25519
 * signature. {@code jdkLimit} is the JDK alone — the two signature operations over a header block
 * of the size a campaign message has, plus hashing its 3 KB body — on every core: no DKIM code, no
 * rendering, no queue, no SMTP. {@code dkimDualSign} is our signer doing the same message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(Threads.MAX)
public class DualSignLimitBenchmark {

  private KeyPair rsa;
  private KeyPair ed;
  private DkimSigner rsaSigner;
  private DkimSigner edSigner;
  private byte[] message;
  private byte[] headerData;
  private byte[] body;

  @Setup
  public void setUp() {
    rsa = DkimKeys.generateRsa(2048);
    ed = DkimKeys.generateEd25519();
    rsaSigner = DkimSigner.builder("news.example.co.jp", "hk202611r", rsa.getPrivate()).build();
    edSigner = DkimSigner.builder("news.example.co.jp", "hk202611e", ed.getPrivate()).build();
    StringBuilder b = new StringBuilder();
    while (b.length() < 3000) {
      b.append("いつもご利用ありがとうございます。11月のお知らせをお届けします。\r\n");
    }
    body = b.toString().getBytes(StandardCharsets.UTF_8);
    String headers =
        "From: =?UTF-8?B?6aOb6ISa44OL44Ol44O844K5?= <news@news.example.co.jp>\r\n"
            + "To: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <taro@example.net>\r\n"
            + "Subject: =?UTF-8?B?MTHmnIjjga7jgYrnn6XjgonjgZs=?=\r\n"
            + "Date: Mon, 23 Nov 2026 10:00:00 +0900\r\n"
            + "Message-ID: <abcdefghijklmnopqrstuvwxyz@news.example.co.jp>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "List-Id: news <a1.news.example.co.jp>\r\n"
            + "List-Unsubscribe: <mailto:unsubscribe+abcdefghijklmnopqrstuvwxyz@bounces.news.example.co.jp>\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: base64\r\n";
    message =
        (headers + "\r\n" + new String(body, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    // What the signature algorithms get: the signed header fields and the DKIM-Signature field.
    headerData =
        (headers
                + "dkim-signature:v=1; a=rsa-sha256; c=relaxed/relaxed; d=news.example.co.jp; s=hk202611r; h=from:to:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /** The JDK's limit: hash the body once per signature and make both signatures. */
  @Benchmark
  public byte[] jdkLimit() throws GeneralSecurityException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] bh1 = sha.digest(body);
    byte[] bh2 = sha.digest(body);
    Signature r = Signature.getInstance("SHA256withRSA");
    r.initSign(rsa.getPrivate());
    r.update(headerData);
    byte[] s1 = r.sign();
    Signature e = Signature.getInstance("Ed25519");
    e.initSign(ed.getPrivate());
    e.update(MessageDigest.getInstance("SHA-256").digest(headerData)); // RFC 8463 §3
    byte[] s2 = e.sign();
    return new byte[] {s1[0], s2[0], bh1[0], bh2[0]};
  }

  /** Our DKIM signer, both signatures on the same message. */
  @Benchmark
  public int dkimDualSign() {
    return rsaSigner.sign(message).length() + edSigner.sign(message).length();
  }
}
