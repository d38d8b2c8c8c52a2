package dev.hikyaku.mailauth.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs messages with one key (RFC 6376 §5, RFC 8463). Immutable and thread-safe: build it once
 * with {@link #builder}, which checks the whole configuration, and call {@link #sign} per message.
 * For dual signing, use one signer per key and prepend both fields.
 */
public final class DkimSigner {

  /** Signed when present (RFC 6376 §5.4.1, plus RFC 8058's List-Unsubscribe-Post). */
  public static final List<String> DEFAULT_SIGNED_HEADERS =
      List.of(
          "From",
          "Sender",
          "Reply-To",
          "To",
          "Cc",
          "Subject",
          "Date",
          "Message-ID",
          "In-Reply-To",
          "References",
          "MIME-Version",
          "Content-Type",
          "Content-Transfer-Encoding",
          "List-Id",
          "List-Unsubscribe",
          "List-Unsubscribe-Post");

  /** Listed once more than they occur in {@code h=}, so that an added copy breaks the signature. */
  public static final List<String> DEFAULT_OVERSIGNED_HEADERS =
      List.of(
          "From",
          "To",
          "Subject",
          "Date",
          "Message-ID",
          "List-Unsubscribe",
          "List-Unsubscribe-Post");

  static final int MAX_HEADER_BYTES = 1 << 20;

  private final String domain;
  private final String selector;
  private final PrivateKey key;
  private final DkimAlgorithm algorithm;
  private final Canonicalization headerCanonicalization;
  private final Canonicalization bodyCanonicalization;
  private final Map<String, Boolean> headers; // name as configured -> oversigned
  private final Optional<String> identity;
  private final Optional<Duration> expiry;
  private final Clock clock;

  private DkimSigner(Builder b) {
    domain = b.domain;
    selector = b.selector;
    key = b.key;
    algorithm = b.algorithm;
    headerCanonicalization = b.headerCanonicalization;
    bodyCanonicalization = b.bodyCanonicalization;
    headers = b.headerPlan();
    identity = b.identity;
    expiry = b.expiry;
    clock = b.clock;
  }

  /**
   * A builder for signing as {@code domain} with the key published at {@code selector}. The
   * algorithm follows the key: RSA keys (1024 to 4096 bits, RFC 8301 §3.2) sign rsa-sha256, Ed25519
   * keys ed25519-sha256. Defaults: relaxed/relaxed, {@link #DEFAULT_SIGNED_HEADERS}, {@link
   * #DEFAULT_OVERSIGNED_HEADERS}, no {@code i=}, no expiry ({@code x=}), {@code t=} from the system
   * UTC clock, never {@code l=}.
   */
  public static Builder builder(String domain, String selector, PrivateKey key) {
    return new Builder(domain, selector, key);
  }

  /** The algorithm this signer uses. */
  public DkimAlgorithm algorithm() {
    return algorithm;
  }

  /** Signs {@code message}; see {@link #sign(InputStream)}. */
  public String sign(byte[] message) {
    try {
      return sign(new ByteArrayInputStream(message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Signs the message read from {@code message}, streaming the body, and returns the complete
   * {@code DKIM-Signature: ...} field, folded, with CRLF line ends, to prepend to the message.
   *
   * @throws IllegalArgumentException if the message has no From field or a header block over 1 MiB
   */
  public String sign(InputStream message) throws IOException {
    MessageInput in = new MessageInput(message);
    MessageHeaders parsed =
        switch (MessageHeaders.read(in, MAX_HEADER_BYTES)) {
          case MessageHeaders.Read.Complete complete -> complete.headers();
          case MessageHeaders.Read.TooLarge tooLarge ->
              throw new IllegalArgumentException(
                  "header block larger than " + tooLarge.limit() + " bytes");
        };
    if (parsed.count("from") == 0) {
      throw new IllegalArgumentException("the message has no From field (RFC 6376 §5.4)");
    }
    BodyCanonicalizer body =
        new BodyCanonicalizer(bodyCanonicalization, BodyCanonicalizer.NO_LIMIT);
    in.drainTo(body::update);
    String bodyHash = Base64.getEncoder().encodeToString(body.finish().digest());

    List<String> signed = new ArrayList<>();
    headers.forEach((name, oversigned) -> {
      int times = parsed.count(name) + (oversigned ? 1 : 0);
      for (int i = 0; i < times; i++) {
        signed.add(name);
      }
    });
    long now = clock.instant().getEpochSecond();
    FoldedField field = new FoldedField("DKIM-Signature:");
    field.tag("v=1;");
    field.tag("a=" + algorithm.rfcName() + ";");
    field.tag("c=" + headerCanonicalization.rfcName() + "/" + bodyCanonicalization.rfcName() + ";");
    field.tag("d=" + domain + ";");
    field.tag("s=" + selector + ";");
    identity.ifPresent(i -> field.tag("i=" + i + ";"));
    field.tag("t=" + now + ";");
    expiry.ifPresent(e -> field.tag("x=" + (now + e.toSeconds()) + ";"));
    for (int i = 0; i < signed.size(); i++) {
      String name = signed.get(i) + (i == signed.size() - 1 ? ";" : ":");
      if (i == 0) {
        field.tag("h=" + name);
      } else {
        field.glue(name);
      }
    }
    field.tag("bh=" + bodyHash + ";");
    field.tag("b=");
    String unsigned = field.text();
    HeaderField withoutB =
        new HeaderField(
            "DKIM-Signature", unsigned.getBytes(StandardCharsets.US_ASCII), unsigned.indexOf(':'));
    byte[] data = SignedData.build(parsed, signed, headerCanonicalization, withoutB);
    field.glueBase64(Base64.getEncoder().encodeToString(DkimCrypto.sign(algorithm, key, data)));
    return field.text() + "\r\n";
  }

  /** Builds a {@link DkimSigner}; every setting is checked by {@link #build()}. */
  public static final class Builder {
    private final String domain;
    private final String selector;
    private final PrivateKey key;
    private final DkimAlgorithm algorithm;
    private Canonicalization headerCanonicalization = Canonicalization.RELAXED;
    private Canonicalization bodyCanonicalization = Canonicalization.RELAXED;
    private List<String> signedHeaders = DEFAULT_SIGNED_HEADERS;
    private List<String> oversignedHeaders = DEFAULT_OVERSIGNED_HEADERS;
    private Optional<String> identity = Optional.empty();
    private Optional<Duration> expiry = Optional.empty();
    private Clock clock = Clock.systemUTC();

    private Builder(String domain, String selector, PrivateKey key) {
      if (!DkimSyntax.isDomainName(domain)) {
        throw new IllegalArgumentException("not a valid signing domain: " + domain);
      }
      if (!DkimSyntax.isSelector(selector)) {
        throw new IllegalArgumentException("not a valid selector: " + selector);
      }
      this.domain = domain.toLowerCase(Locale.ROOT);
      this.selector = selector.toLowerCase(Locale.ROOT);
      this.key = Objects.requireNonNull(key, "key");
      this.algorithm =
          switch (DkimKeys.typeOf(key)) {
            case RSA -> DkimAlgorithm.RSA_SHA256;
            case ED25519 -> DkimAlgorithm.ED25519_SHA256;
          };
      int bits = DkimKeys.keyBits(key);
      if (algorithm == DkimAlgorithm.RSA_SHA256
          && (bits < DkimKeys.MIN_RSA_BITS || bits > DkimKeys.MAX_SIGNING_RSA_BITS)) {
        throw new IllegalArgumentException(
            "RSA signing keys must have 1024 to 4096 bits (RFC 8301 §3.2), not " + bits);
      }
    }

    /** Header and body canonicalization; default relaxed/relaxed. */
    public Builder canonicalization(Canonicalization header, Canonicalization body) {
      this.headerCanonicalization = Objects.requireNonNull(header, "header");
      this.bodyCanonicalization = Objects.requireNonNull(body, "body");
      return this;
    }

    /**
     * The fields to sign when present; must include From. Default {@link #DEFAULT_SIGNED_HEADERS}.
     */
    public Builder signedHeaders(List<String> names) {
      this.signedHeaders = checkedNames(names);
      return this;
    }

    /** The fields to oversign; default {@link #DEFAULT_OVERSIGNED_HEADERS}; empty for none. */
    public Builder oversignedHeaders(List<String> names) {
      this.oversignedHeaders = checkedNames(names);
      return this;
    }

    /** The AUID ({@code i=}), which must be in the signing domain; default none. */
    public Builder identity(String identity) {
      int at = identity.lastIndexOf('@');
      String host = identity.substring(at + 1).toLowerCase(Locale.ROOT);
      if (at < 0 || !(host.equals(domain) || host.endsWith("." + domain))) {
        throw new IllegalArgumentException("i= must be in " + domain + ": " + identity);
      }
      this.identity = Optional.of(identity);
      return this;
    }

    /** Adds {@code x=} this long after {@code t=}; default no expiry. */
    public Builder expireAfter(Duration validity) {
      if (validity.toSeconds() < 1) {
        throw new IllegalArgumentException("expiry must be at least one second: " + validity);
      }
      this.expiry = Optional.of(validity);
      return this;
    }

    /** The clock for {@code t=}; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public DkimSigner build() {
      if (signedHeaders.stream().noneMatch(h -> h.equalsIgnoreCase("From"))
          && oversignedHeaders.stream().noneMatch(h -> h.equalsIgnoreCase("From"))) {
        throw new IllegalArgumentException("From must be signed (RFC 6376 §5.4)");
      }
      return new DkimSigner(this);
    }

    /** Signed names first, then oversigned names not already listed; no name twice. */
    private Map<String, Boolean> headerPlan() {
      Map<String, String> spelled = new LinkedHashMap<>();
      signedHeaders.forEach(n -> spelled.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
      oversignedHeaders.forEach(n -> spelled.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
      Map<String, Boolean> plan = new LinkedHashMap<>();
      spelled.forEach((lower, name) ->
          plan.put(name, oversignedHeaders.stream().anyMatch(o -> o.equalsIgnoreCase(lower))));
      return plan;
    }

    private static List<String> checkedNames(List<String> names) {
      for (String name : names) {
        if (!DkimSyntax.isHeaderName(name)) {
          throw new IllegalArgumentException("not a header field name: '" + name + "'");
        }
      }
      return List.copyOf(names);
    }
  }
}
