package dev.hikyaku.delivery;

import dev.hikyaku.delivery.shaping.ShapingSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How Hikyaku delivers.
 *
 * @param enabled whether this node expands and sends; false for a node that only serves the console
 *     and the API (another node sends)
 * @param mode {@code capture} (the default: messages go to the local capture mailbox the console
 *     shows, nothing leaves the machine), {@code relay} (a smarthost) or {@code direct} (to each
 *     recipient domain's MX hosts)
 * @param relay the smarthost, for {@code relay}
 * @param ehloName the name Hikyaku gives in EHLO; should resolve to, and be the PTR of, the sending
 *     address; empty: this machine's fully qualified name, or {@code localhost.localdomain}
 * @param workers how many messages are in flight at once on this node
 * @param claimBatch how many queued messages a worker claims at a time
 * @param claimTimeout after how long a claimed message whose node went silent is taken again
 * @param maxAge how long a message is retried before it bounces
 * @param retryBase the first retry delay; each further retry doubles it, up to {@code retryMax}
 * @param retryMax the longest delay between retries
 * @param globalRate messages per second this node sends at most; 0: no limit
 * @param directPort the port of MX hosts in {@code direct} mode (25; tests use others)
 * @param tlsPolicies per destination domain, {@code opportunistic} (STARTTLS when offered, the
 *     certificate checked and recorded; the default in direct mode) or {@code required} (no TLS or
 *     a certificate that does not verify: the message waits, it is never sent in clear)
 * @param trustStore a PKCS#12 file of CA certificates to trust instead of the JDK's (a private
 *     relay's CA, tests); empty: the JDK's
 * @param trustStorePassword its password
 * @param connectTimeout how long a TCP connection may take to open
 * @param shaping per-destination connections, rates and back-off ({@code
 *     hikyaku.delivery.shaping.*}, see {@link ShapingSettings}); presets for Japanese carriers and
 *     large mailbox providers apply unless switched off
 * @param mtaSts whether direct delivery honours recipient domains' MTA-STS policies (RFC 8461)
 * @param bounceListener the inbound SMTP listener for bounces, complaints and mailto unsubscribes
 */
@ConfigurationProperties("hikyaku.delivery")
public record DeliveryProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("capture") Mode mode,
    @DefaultValue Relay relay,
    @DefaultValue("") String ehloName,
    @DefaultValue("8") int workers,
    @DefaultValue("50") int claimBatch,
    @DefaultValue("10m") Duration claimTimeout,
    @DefaultValue("3d") Duration maxAge,
    @DefaultValue("5m") Duration retryBase,
    @DefaultValue("4h") Duration retryMax,
    @DefaultValue("0") double globalRate,
    @DefaultValue("25") int directPort,
    @DefaultValue Map<String, TlsPolicy> tlsPolicies,
    @DefaultValue("") String trustStore,
    @DefaultValue("") String trustStorePassword,
    @DefaultValue("30s") Duration connectTimeout,
    @DefaultValue BounceListener bounceListener,
    ShapingSettings shaping,
    @DefaultValue("true") boolean mtaSts) {

  public DeliveryProperties {
    tlsPolicies = Map.copyOf(tlsPolicies);
    shaping = shaping == null ? ShapingSettings.none() : shaping;
  }

  /**
   * The SMTP listener the return-path domains' MX points at: it takes {@code bounce+<token>@} and
   * {@code unsubscribe+<token>@} mail for known tokens and refuses everything else.
   *
   * @param enabled off by default: a fresh install listens on no SMTP port
   * @param bindAddress the address to listen on; loopback by default (put a public address, or a
   *     port forward from 25, when the MX points here)
   * @param port the port; 0 takes any free port (tests)
   * @param maxMessageSize larger messages are refused with 552 (RFC 1870 SIZE is announced)
   * @param acceptedDomains the domains whose {@code bounce+}/{@code unsubscribe+} addresses are
   *     taken; empty (the default): the return-path domains of the sending domains
   */
  public record BounceListener(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("127.0.0.1") String bindAddress,
      @DefaultValue("2525") int port,
      @DefaultValue("10MB") DataSize maxMessageSize,
      @DefaultValue List<String> acceptedDomains) {

    public BounceListener {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("bounce-listener.port must be 0 to 65535: " + port);
      }
      if (maxMessageSize.toBytes() < 1024 || maxMessageSize.toBytes() > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException(
            "bounce-listener.max-message-size must be 1KB to 2GB: " + maxMessageSize);
      }
      if (bindAddress == null || bindAddress.isBlank()) {
        throw new IllegalArgumentException("bounce-listener.bind-address must not be empty");
      }
      acceptedDomains =
          acceptedDomains.stream()
              .map(d -> d.strip().toLowerCase(java.util.Locale.ROOT))
              .filter(d -> !d.isEmpty())
              .toList();
    }
  }

  /** What a destination's connection must be protected by. */
  public enum TlsPolicy {
    OPPORTUNISTIC,
    REQUIRED
  }

  /** The policy for a recipient domain: its own entry, or opportunistic. */
  public TlsPolicy tlsPolicy(String domain) {
    return tlsPolicies.getOrDefault(
        domain.toLowerCase(java.util.Locale.ROOT), TlsPolicy.OPPORTUNISTIC);
  }

  /** Where messages go. */
  public enum Mode {
    CAPTURE,
    RELAY,
    DIRECT
  }

  /**
   * A smarthost.
   *
   * @param host its name (also checked against its certificate)
   * @param port 587 (submission, STARTTLS) by default
   * @param username empty: no AUTH
   * @param password never logged
   * @param tls {@code required} (default) or {@code opportunistic}; the relay's certificate must
   *     name {@code host}
   */
  public record Relay(
      @DefaultValue("") String host,
      @DefaultValue("587") int port,
      @DefaultValue("") String username,
      @DefaultValue("") String password,
      @DefaultValue("required") TlsPolicy tls) {

    @Override
    public String toString() {
      return "Relay[" + host + ":" + port + ", user=" + username + ", tls=" + tls + "]";
    }
  }
}
