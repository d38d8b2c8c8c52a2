package dev.hikyaku.mailauth.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * Signs with arbitrary tags, for what {@link DkimSigner} rightly refuses to produce ({@code l=},
 * rsa-sha1, small keys, broken tags): computes {@code bh=} for the given canonicalization and
 * length, then signs the field exactly as written.
 */
final class HandSigner {

  private HandSigner() {}

  /**
   * A DKIM-Signature field for {@code message} with {@code tags} (which must not contain bh= or
   * b=), signed with {@code key}, followed by CRLF.
   */
  static String sign(
      byte[] message,
      String tags,
      Canonicalization header,
      Canonicalization body,
      long bodyLength,
      DkimAlgorithm algorithm,
      PrivateKey key) {
    try {
      MessageInput in = new MessageInput(new ByteArrayInputStream(message));
      MessageHeaders headers =
          ((MessageHeaders.Read.Complete) MessageHeaders.read(in, 1 << 20)).headers();
      BodyCanonicalizer canonicalizer = new BodyCanonicalizer(body, bodyLength);
      in.drainTo(canonicalizer::update);
      String bodyHash = Base64.getEncoder().encodeToString(canonicalizer.finish().digest());
      String unsigned = "DKIM-Signature: " + tags + "; bh=" + bodyHash + "; b=";
      HeaderField field =
          new HeaderField("DKIM-Signature", unsigned.getBytes(StandardCharsets.ISO_8859_1), 14);
      TagList parsed = ((ParseResult.Valid<TagList>) TagList.parse(tags)).value();
      java.util.List<String> signed =
          java.util.Arrays.stream(parsed.get("h", "from").split(":")).map(String::strip).toList();
      byte[] data = SignedData.build(headers, signed, header, field);
      byte[] signature =
          algorithm == null ? rsaSha1(key, data) : DkimCrypto.sign(algorithm, key, data);
      return unsigned + Base64.getEncoder().encodeToString(signature) + "\r\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] rsaSha1(PrivateKey key, byte[] data) {
    try {
      java.security.Signature sha1 = java.security.Signature.getInstance("SHA1withRSA");
      sha1.initSign(key);
      sha1.update(data);
      return sha1.sign();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
