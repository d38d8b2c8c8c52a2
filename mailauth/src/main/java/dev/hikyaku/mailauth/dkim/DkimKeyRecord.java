package dev.hikyaku.mailauth.dkim;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed DKIM key record, the TXT record at {@code selector._domainkey.domain} (RFC 6376 §3.6.1).
 *
 * @param keyType {@code k=} (default rsa)
 * @param publicKey {@code p=} decoded; empty when {@code p=} is empty, which means revoked
 * @param hashAlgorithms {@code h=}; empty means any
 * @param serviceTypes {@code s=} (default {@code *})
 * @param flags {@code t=}: {@code y} testing, {@code s} strict; unknown flags are kept
 */
public record DkimKeyRecord(
    DkimKeyType keyType,
    Optional<PublicKey> publicKey,
    Set<String> hashAlgorithms,
    Set<String> serviceTypes,
    Set<String> flags) {

  public DkimKeyRecord {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(publicKey, "publicKey");
    publicKey.ifPresent(key -> {
      if (DkimKeys.typeOf(key) != keyType) {
        throw new IllegalArgumentException("p= is not a " + keyType + " key");
      }
    });
    hashAlgorithms = Set.copyOf(hashAlgorithms);
    serviceTypes = Set.copyOf(serviceTypes);
    flags = Set.copyOf(flags);
  }

  /**
   * Parses a key record; never throws. Invalid are: a {@code v=} other than {@code DKIM1} or not
   * first, an unknown {@code k=}, a missing or undecodable {@code p=}, an {@code h=} without sha256
   * and an {@code s=} that excludes email.
   */
  public static ParseResult<DkimKeyRecord> parse(String text) {
    TagList tags;
    switch (TagList.parse(text)) {
      case ParseResult.Invalid<TagList> invalid -> {
        return ParseResult.invalid("key record: " + invalid.reason());
      }
      case ParseResult.Valid<TagList> valid -> tags = valid.value();
    }
    // RFC 6376 §3.6.1: v= is optional, but if present it must be first and exactly "DKIM1".
    if (tags.has("v")
        && (!tags.get("v", "").equals("DKIM1") || !tags.firstName().orElse("").equals("v"))) {
      return ParseResult.invalid(
          "key record: v= must be first and DKIM1, not "
              + DkimSyntax.shorten(tags.get("v", ""), 30));
    }
    String k = tags.get("k", "rsa");
    Optional<DkimKeyType> type = DkimKeyType.fromRfcName(k);
    if (type.isEmpty()) {
      return ParseResult.invalid("key record: unknown key type k=" + DkimSyntax.shorten(k, 30));
    }
    if (tags.has("h") && !DkimSignature.listContains(tags.get("h", ""), "sha256")) {
      return ParseResult.invalid("key record: h= does not allow sha256");
    }
    Set<String> services = list(tags.get("s", "*"));
    if (!services.contains("*") && !services.contains("email")) {
      // RFC 6376 §3.6.1: a key for other services must not be used for email.
      return ParseResult.invalid("key record: s= does not include email");
    }
    Optional<String> p = tags.get("p");
    if (p.isEmpty()) {
      return ParseResult.invalid("key record: missing p=");
    }
    Optional<PublicKey> key = Optional.empty();
    if (!DkimSyntax.removeFws(p.get()).isEmpty()) {
      byte[] bytes = DkimSignature.base64(p.get());
      if (bytes == null) {
        return ParseResult.invalid("key record: p= is not base64");
      }
      try {
        key = Optional.of(DkimKeys.decodePublicKey(type.get(), bytes));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return ParseResult.invalid("key record: p= is not a valid " + type.get() + " public key");
      }
    }
    return ParseResult.valid(
        new DkimKeyRecord(
            type.get(),
            key,
            tags.has("h") ? list(tags.get("h", "")) : Set.of(),
            services,
            list(tags.get("t", ""))));
  }

  /** Whether the key was revoked by publishing an empty {@code p=} (RFC 6376 §3.6.1). */
  public boolean isRevoked() {
    return publicKey.isEmpty();
  }

  /** {@code t=y}: the domain is testing DKIM (RFC 6376 §3.6.1). */
  public boolean isTesting() {
    return flags.contains("y");
  }

  /** {@code t=s}: the {@code i=} domain must equal {@code d=}, not be a subdomain of it. */
  public boolean isStrict() {
    return flags.contains("s");
  }

  /** The key size in bits (RSA modulus, or 256 for Ed25519); 0 when revoked. */
  public int keyBits() {
    return publicKey.map(DkimKeys::keyBits).orElse(0);
  }

  private static Set<String> list(String value) {
    Set<String> items = new LinkedHashSet<>();
    Arrays.stream(value.split(":", -1))
        .map(DkimSyntax::trimFws)
        .filter(s -> !s.isEmpty())
        .forEach(items::add);
    return items;
  }
}
