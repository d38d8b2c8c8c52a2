package dev.hikyaku.mailauth.dkim;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The verification of one DKIM-Signature field, in the two steps of RFC 6376 §6.1: {@link #start}
 * checks the field, the times and the key without reading the body; {@link #finish} compares the
 * body hash and the signature once the body has been read.
 */
final class SignatureCheck {

  /** The body hashes a message needs: one per body canonicalization and {@code l=}. */
  record BodyKey(Canonicalization canonicalization, long limit) {}

  private final HeaderField field;
  private String domain = "";
  private String selector = "";
  private String identity = "";
  private String algorithm = "";
  private String b = "";
  private DkimSignature signature;
  private DkimKeyRecord key;
  private DkimVerification done;

  private SignatureCheck(HeaderField field) {
    this.field = field;
  }

  /** Checks the field, its times and its key; the body is not needed yet. */
  static SignatureCheck start(
      HeaderField field, int fromFields, Instant now, Duration skew, KeyLookup keys) {
    SignatureCheck check = new SignatureCheck(field);
    check.begin(fromFields, now, skew, keys);
    return check;
  }

  /** The body hash this check waits for, or null when it already has its result. */
  BodyKey bodyKey() {
    if (done != null) {
      return null;
    }
    return new BodyKey(
        signature.bodyCanonicalization(),
        signature.bodyLength().orElse(BodyCanonicalizer.NO_LIMIT));
  }

  /** The result, comparing hashes and the signature if the check got that far. */
  DkimVerification finish(
      MessageHeaders headers, Map<BodyKey, BodyCanonicalizer.BodyHash> bodyHashes) {
    if (done != null) {
      return done;
    }
    BodyCanonicalizer.BodyHash body = bodyHashes.get(bodyKey());
    if (signature.bodyLength().isPresent()
        && signature.bodyLength().getAsLong() > body.canonicalLength()) {
      return result(DkimResult.FAIL, "body is shorter than l=");
    }
    if (!Arrays.equals(body.digest(), signature.bodyHash())) {
      return result(DkimResult.FAIL, "body hash did not verify"); // RFC 6376 §6.1.3
    }
    byte[] data =
        SignedData.build(
            headers,
            signature.signedHeaders(),
            signature.headerCanonicalization(),
            SignedData.withoutSignatureValue(field));
    PublicKey publicKey = key.publicKey().orElseThrow();
    if (!DkimCrypto.verify(signature.algorithm(), publicKey, data, signature.signature())) {
      return result(DkimResult.FAIL, "signature did not verify");
    }
    if (key.keyType() == DkimKeyType.RSA && key.keyBits() < DkimKeys.MIN_RSA_BITS) {
      // RFC 8301 §3.2: signatures with RSA keys under 1024 bits must not be considered valid.
      // It verified, so the verdict is the ADMD's refusal: policy (RFC 8601 §2.7.1).
      return result(
          DkimResult.POLICY,
          "signature verified, but the "
              + key.keyBits()
              + "-bit RSA key is under 1024 bits"
              + " (RFC 8301 §3.2)");
    }
    long signedLength = signature.bodyLength().orElse(BodyCanonicalizer.NO_LIMIT);
    if (signedLength < body.canonicalLength()) {
      // RFC 6376 §8.2: what follows the l= octets is unsigned; say so for whoever reads this.
      return result(
          DkimResult.PASS,
          "signature verified; only the first "
              + signedLength
              + " of "
              + body.canonicalLength()
              + " body octets are signed (l=)");
    }
    return result(DkimResult.PASS, "signature verified");
  }

  private void begin(int fromFields, Instant now, Duration skew, KeyLookup keys) {
    TagList tags;
    switch (TagList.parse(field.rawValue())) {
      case ParseResult.Invalid<TagList> invalid -> {
        done = result(DkimResult.PERMERROR, invalid.reason());
        return;
      }
      case ParseResult.Valid<TagList> valid -> tags = valid.value();
    }
    domain = tags.get("d", "").toLowerCase(Locale.ROOT);
    selector = tags.get("s", "").toLowerCase(Locale.ROOT);
    identity = tags.get("i", domain.isEmpty() ? "" : "@" + domain);
    algorithm = tags.get("a", "");
    b = DkimSyntax.removeFws(tags.get("b", ""));
    switch (DkimSignature.parse(tags)) {
      case ParseResult.Invalid<DkimSignature> invalid -> {
        done = result(DkimResult.PERMERROR, invalid.reason());
        return;
      }
      case ParseResult.Valid<DkimSignature> valid -> signature = valid.value();
    }
    if (fromFields == 0) {
      done = result(DkimResult.PERMERROR, "the message has no From field (RFC 5322 §3.6)");
      return;
    }
    long signedFrom = signature.signedHeaders().stream().filter("from"::equalsIgnoreCase).count();
    if (fromFields > signedFrom) {
      // RFC 5322 §3.6 allows one From field; RFC 6376 §8.15: a From added above the signed one
      // leaves the signature valid while readers may show the unsigned one. Oversigning (h= naming
      // From once more than present) makes the signature break; without it, refuse it here.
      done =
          result(
              DkimResult.FAIL,
              "From field added after signing ("
                  + fromFields
                  + " From fields, h= covers "
                  + signedFrom
                  + ")");
      return;
    }
    if (signature.expiration().isPresent()
        && now.isAfter(signature.expiration().get().plus(skew))) {
      // RFC 6376 §3.5 x=: verifiers may consider the signature invalid after this time.
      done = result(DkimResult.FAIL, "signature expired at " + signature.expiration().get());
      return;
    }
    if (signature.timestamp().isPresent() && signature.timestamp().get().isAfter(now.plus(skew))) {
      // RFC 6376 §3.5 t=: implementations may ignore signatures from the future.
      done = result(DkimResult.FAIL, "signature time t= is in the future");
      return;
    }
    switch (keys.find(signature.keyRecordName())) {
      case KeyLookup.Outcome.Failed failed -> done = result(failed.result(), failed.reason());
      case KeyLookup.Outcome.Usable usable -> {
        key = usable.key();
        done = checkKey();
      }
    }
  }

  /** RFC 6376 §6.1.2 and RFC 8463: whether the key fits this signature; null if it does. */
  private DkimVerification checkKey() {
    if (key.isRevoked()) {
      return result(DkimResult.FAIL, "key revoked (empty p=)");
    }
    if (key.keyType() != signature.algorithm().keyType()) {
      return result(
          DkimResult.PERMERROR,
          "key type k=" + key.keyType() + " does not fit a=" + signature.algorithm());
    }
    if (key.isStrict() && !signature.identityDomain().equals(signature.domain())) {
      return result(DkimResult.PERMERROR, "key has t=s but the i= domain is not exactly d=");
    }
    if (key.keyType() == DkimKeyType.RSA && key.keyBits() > DkimKeys.MAX_VERIFYING_RSA_BITS) {
      // Beyond RFC 8301 §3.2's 4096, but bounded: see DkimKeys.MAX_VERIFYING_RSA_BITS.
      return result(
          DkimResult.PERMERROR, "RSA key larger than " + DkimKeys.MAX_VERIFYING_RSA_BITS + " bits");
    }
    return null;
  }

  private DkimVerification result(DkimResult result, String reason) {
    return new DkimVerification(
        result,
        reason,
        domain,
        selector,
        identity,
        algorithm,
        key == null ? 0 : key.keyBits(),
        b,
        key != null && key.isTesting());
  }
}
