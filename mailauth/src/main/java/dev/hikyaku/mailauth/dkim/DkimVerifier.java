package dev.hikyaku.mailauth.dkim;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies the DKIM signatures of a message (RFC 6376 §6, RFC 8463). Immutable and thread-safe.
 *
 * <p>Only the header block is held in memory (at most 1 MiB by default); the body is hashed as it
 * streams past, once per distinct body canonicalization and {@code l=}, and only if some signature
 * still needs it after its field and key were checked.
 *
 * <p>Bad input never throws: a malformed signature field or key record, a missing From field or a
 * header block over the limit gives {@code permerror} with a reason; DNS failures give {@code
 * temperror}. Other verdicts, chosen where RFC 6376 leaves a choice:
 *
 * <ul>
 *   <li>{@code rsa-sha1}: permerror, since RFC 8301 §3.1 says such signatures have permanently
 *       failed evaluation, which RFC 8601 §2.7.1 calls permerror.
 *   <li>an RSA key under 1024 bits: policy if the signature verifies (fail otherwise), since RFC
 *       8301 §3.2 forbids considering it valid and RFC 8601 §2.7.1 defines policy as a signature
 *       the verifier refuses to accept.
 *   <li>an expired {@code x=} or a {@code t=} in the future, each beyond the allowed clock skew
 *       (default 5 minutes): fail.
 *   <li>a revoked key (empty {@code p=}): fail; a key with {@code t=y}: the result as computed,
 *       with {@link DkimVerification#testing()} set.
 *   <li>more From fields than {@code h=} names: fail, as the unsigned extra one may be what the
 *       reader is shown (RFC 6376 §8.15, RFC 5322 §3.6 allows only one).
 * </ul>
 *
 * <p>Only the first {@link Builder#maxSignatures(int) 10} signatures are evaluated, as RFC 6376
 * §6.1 allows to bound the work; any further ones are ignored.
 */
public final class DkimVerifier {

  /** How many signatures are evaluated per message by default. */
  public static final int DEFAULT_MAX_SIGNATURES = 10;

  /** How far {@code t=} may be ahead and {@code x=} behind the clock by default. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  /** The largest header block read by default. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 1 << 20;

  /** RFC 6008 §4: header.b has at least 8 characters of {@code b=} (all of a shorter one). */
  private static final int MIN_HEADER_B = 8;

  /** Our bound on header.b, far more than real signatures need to be told apart. */
  private static final int MAX_HEADER_B = 64;

  private final DnsResolver dns;
  private final Clock clock;
  private final int maxSignatures;
  private final Duration clockSkew;
  private final int maxHeaderBytes;

  /** A verifier with the default limits. */
  public DkimVerifier(DnsResolver dns, Clock clock) {
    this(builder(dns).clock(clock));
  }

  private DkimVerifier(Builder builder) {
    dns = builder.dns;
    clock = builder.clock;
    maxSignatures = builder.maxSignatures;
    clockSkew = builder.clockSkew;
    maxHeaderBytes = builder.maxHeaderBytes;
  }

  /**
   * A builder. Defaults: the system UTC clock, {@link #DEFAULT_MAX_SIGNATURES}, {@link
   * #DEFAULT_CLOCK_SKEW}, {@link #DEFAULT_MAX_HEADER_BYTES}.
   */
  public static Builder builder(DnsResolver dns) {
    return new Builder(dns);
  }

  /** Verifies {@code message}; see {@link #verify(InputStream)}. */
  public List<DkimVerification> verify(byte[] message) {
    try {
      return verify(new ByteArrayInputStream(message));
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail to read", e);
    }
  }

  /**
   * Verifies the message read from {@code message}: one verdict per DKIM-Signature field, top to
   * bottom; an empty list when the message has none. A header block over the limit gives a single
   * permerror verdict with empty domain and selector. The stream is not closed, and is read only as
   * far as needed.
   *
   * @throws IOException only if reading {@code message} fails
   */
  public List<DkimVerification> verify(InputStream message) throws IOException {
    MessageInput in = new MessageInput(message);
    MessageHeaders headers;
    switch (MessageHeaders.read(in, maxHeaderBytes)) {
      case MessageHeaders.Read.TooLarge tooLarge -> {
        return List.of(
            new DkimVerification(
                DkimResult.PERMERROR,
                "header block larger than " + tooLarge.limit() + " bytes; not verified",
                "",
                "",
                "",
                "",
                0,
                "",
                false));
      }
      case MessageHeaders.Read.Complete complete -> headers = complete.headers();
    }
    List<HeaderField> fields = headers.named("DKIM-Signature");
    if (fields.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    int fromFields = headers.count("From");
    KeyLookup keys = new KeyLookup(dns);
    List<SignatureCheck> checks = new ArrayList<>();
    for (HeaderField field : fields.subList(0, Math.min(fields.size(), maxSignatures))) {
      checks.add(SignatureCheck.start(field, fromFields, now, clockSkew, keys));
    }
    Map<SignatureCheck.BodyKey, BodyCanonicalizer> bodies = new LinkedHashMap<>();
    for (SignatureCheck check : checks) {
      SignatureCheck.BodyKey key = check.bodyKey();
      if (key != null) {
        bodies.computeIfAbsent(key, k -> new BodyCanonicalizer(k.canonicalization(), k.limit()));
      }
    }
    Map<SignatureCheck.BodyKey, BodyCanonicalizer.BodyHash> hashes = new HashMap<>();
    if (!bodies.isEmpty()) {
      in.drainTo((bytes, offset, length) -> {
        for (BodyCanonicalizer body : bodies.values()) {
          body.update(bytes, offset, length);
        }
      });
      bodies.forEach((key, body) -> hashes.put(key, body.finish()));
    }
    List<DkimVerification> results = new ArrayList<>();
    for (SignatureCheck check : checks) {
      results.add(check.finish(headers, hashes));
    }
    return uniqueHeaderB(results);
  }

  /**
   * RFC 6008 §4: header.b is a prefix of {@code b=}, at least 8 characters (or all of a shorter
   * one), and any prefix is allowed, so it is one character longer than the longest prefix shared
   * with another signature's {@code b=}, capped at {@link #MAX_HEADER_B} characters. A pair sharing
   * 64 or more characters (only a forger's signatures would) keeps the 64-character prefix anyway:
   * the value stays bounded, and a reader matching it finds both signatures, which is still better
   * than no header.b at all. Comparing at most 64 characters per pair keeps this linear in the
   * number of signatures, however long their {@code b=}.
   */
  private static List<DkimVerification> uniqueHeaderB(List<DkimVerification> results) {
    List<DkimVerification> shortened = new ArrayList<>(results.size());
    for (DkimVerification result : results) {
      String b = result.headerB();
      int shared = 0;
      for (DkimVerification other : results) {
        if (other != result && !other.headerB().equals(b)) {
          shared = Math.max(shared, commonPrefix(b, other.headerB(), MAX_HEADER_B));
        }
      }
      int length = Math.min(Math.min(Math.max(MIN_HEADER_B, shared + 1), MAX_HEADER_B), b.length());
      shortened.add(result.withHeaderB(b.substring(0, length)));
    }
    return List.copyOf(shortened);
  }

  /** The length of the common prefix of {@code a} and {@code b}, counted up to {@code max}. */
  private static int commonPrefix(String a, String b, int max) {
    int limit = Math.min(max, Math.min(a.length(), b.length()));
    int n = 0;
    while (n < limit && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  /** Builds a {@link DkimVerifier}. */
  public static final class Builder {
    private final DnsResolver dns;
    private Clock clock = Clock.systemUTC();
    private int maxSignatures = DEFAULT_MAX_SIGNATURES;
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;

    private Builder(DnsResolver dns) {
      this.dns = Objects.requireNonNull(dns, "dns");
    }

    /** The clock for {@code t=} and {@code x=}; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How many signatures to evaluate, 1 to 100; default {@link #DEFAULT_MAX_SIGNATURES}. */
    public Builder maxSignatures(int max) {
      if (max < 1 || max > 100) {
        throw new IllegalArgumentException("max signatures must be 1 to 100: " + max);
      }
      this.maxSignatures = max;
      return this;
    }

    /** The tolerance for {@code t=} and {@code x=}; default {@link #DEFAULT_CLOCK_SKEW}. */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("clock skew must not be negative: " + skew);
      }
      this.clockSkew = skew;
      return this;
    }

    /** The largest header block to read, 1 KiB to 64 MiB; default 1 MiB. */
    public Builder maxHeaderBytes(int max) {
      if (max < 1024 || max > 64 << 20) {
        throw new IllegalArgumentException("max header bytes must be 1 KiB to 64 MiB: " + max);
      }
      this.maxHeaderBytes = max;
      return this;
    }

    public DkimVerifier build() {
      return new DkimVerifier(this);
    }
  }
}
