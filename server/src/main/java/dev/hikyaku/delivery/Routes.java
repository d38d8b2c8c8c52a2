package dev.hikyaku.delivery;

import dev.hikyaku.delivery.mtasts.MtaStsCheck;
import dev.hikyaku.delivery.mtasts.MtaStsMode;
import dev.hikyaku.delivery.mtasts.MtaStsResolver;
import dev.hikyaku.delivery.mtasts.MtaStsResult;
import dev.hikyaku.delivery.mtasts.MxPlan;
import dev.hikyaku.delivery.smtp.SmtpClient;
import dev.hikyaku.delivery.smtp.SmtpCredentials;
import dev.hikyaku.delivery.smtp.SmtpSettings;
import dev.hikyaku.delivery.smtp.TlsMode;
import dev.hikyaku.delivery.smtp.TlsTrust;
import dev.hikyaku.mailauth.dns.DnsResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transport of the configured mode: capture (the default: nothing leaves the machine), relay
 * (one smarthost, STARTTLS required by default, AUTH when configured) or direct (each domain's MX
 * hosts, with the domain's TLS policy).
 */
@Component
class Routes {

  private final Transport transport;

  Routes(DeliveryProperties properties, JdbcClient jdbc, Clock clock, DnsResolver dns) {
    this.transport =
        switch (properties.mode()) {
          case CAPTURE -> new CaptureTransport(jdbc, clock);
          case RELAY -> relay(properties, dns, trustStore(properties));
          case DIRECT -> direct(properties, dns, clock, trustStore(properties));
        };
  }

  Transport transport() {
    return transport;
  }

  private static Transport relay(
      DeliveryProperties p, DnsResolver dns, Optional<KeyStore> anchors) {
    DeliveryProperties.Relay relay = p.relay();
    if (relay.host().isBlank()) {
      throw new IllegalStateException(
          "hikyaku.delivery.mode is relay but hikyaku.delivery.relay.host is not set");
    }
    SmtpClient client = client(p, relay.tls(), trust(anchors));
    Optional<SmtpCredentials> credentials =
        relay.username().isBlank()
            ? Optional.empty()
            : Optional.of(new SmtpCredentials(relay.username(), relay.password()));
    // The relay's name is resolved at each attempt (through the application's resolver), so a
    // relay that moves is followed; an IP literal is used as it is.
    return new SmtpTransport(
        "relay", domain -> relayServers(relay, dns), domain -> client, credentials);
  }

  private static MxResolver.Route relayServers(DeliveryProperties.Relay relay, DnsResolver dns) {
    String host = relay.host().strip();
    java.util.List<InetAddress> addresses = new java.util.ArrayList<>();
    dev.hikyaku.mailauth.dns.IpLiterals.tryParse(host).ifPresent(addresses::add);
    if (addresses.isEmpty()) {
      addresses.addAll(dns.a(host).records());
      addresses.addAll(dns.aaaa(host).records());
    }
    if (addresses.isEmpty()) {
      return new MxResolver.Route.TryLater("the relay " + host + " does not resolve");
    }
    return new MxResolver.Route.Servers(
        addresses.stream()
            .map(a -> new Destination(host, new InetSocketAddress(a, relay.port())))
            .toList());
  }

  /**
   * Direct delivery: each domain's MX hosts, filtered and TLS-tightened by its MTA-STS policy (RFC
   * 8461): under {@code enforce} only MX hosts the policy names are used, and only with a verified
   * certificate; when none is left the message waits (never bounces, §5.1).
   */
  private static Transport direct(
      DeliveryProperties p, DnsResolver dns, Clock clock, Optional<KeyStore> anchors) {
    MxResolver mx = new MxResolver(dns, p.directPort());
    MtaStsResolver sts = new MtaStsResolver(dns, sslContext(anchors), clock, p.connectTimeout());
    TlsTrust trust = trust(anchors);
    SmtpClient opportunistic = client(p, DeliveryProperties.TlsPolicy.OPPORTUNISTIC, trust);
    SmtpClient required = client(p, DeliveryProperties.TlsPolicy.REQUIRED, trust);
    return new SmtpTransport(
        "direct",
        domain -> {
          MxResolver.Route route = mx.resolve(domain);
          if (!(route instanceof MxResolver.Route.Servers servers) || !p.mtaSts()) {
            return route;
          }
          MxPlan<Destination> plan =
              MtaStsCheck.plan(sts.resolve(domain), servers.destinations(), Destination::host);
          if (plan.noneAllowed()) {
            return new MxResolver.Route.TryLater(
                "MTA-STS: no MX host of " + domain + " is allowed by its policy");
          }
          return new MxResolver.Route.Servers(
              plan.allowed().stream().map(MxPlan.Allowed::destination).toList());
        },
        domain ->
            p.tlsPolicy(domain) == DeliveryProperties.TlsPolicy.REQUIRED || enforced(p, sts, domain)
                ? required
                : opportunistic,
        Optional.empty());
  }

  /** Whether the domain's MTA-STS policy (cached by the resolver) is in {@code enforce} mode. */
  private static boolean enforced(DeliveryProperties p, MtaStsResolver sts, String domain) {
    return p.mtaSts()
        && sts.resolve(domain) instanceof MtaStsResult.Policy policy
        && policy.policy().mode() == MtaStsMode.ENFORCE;
  }

  /** An HTTPS context (for MTA-STS policies) trusting the configured anchors or the JDK's. */
  private static SSLContext sslContext(Optional<KeyStore> anchors) {
    try {
      if (anchors.isEmpty()) {
        return SSLContext.getDefault();
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(anchors.get());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS context for MTA-STS", e);
    }
  }

  private static SmtpClient client(
      DeliveryProperties p, DeliveryProperties.TlsPolicy policy, TlsTrust trust) {
    SmtpSettings settings =
        SmtpSettings.builder(ehloName(p))
            .tlsMode(
                policy == DeliveryProperties.TlsPolicy.REQUIRED
                    ? TlsMode.REQUIRED
                    : TlsMode.OPPORTUNISTIC)
            .connectTimeout(p.connectTimeout())
            .build();
    return new SmtpClient(settings, trust);
  }

  /** The configured EHLO name, or this machine's fully qualified name. */
  static String ehloName(DeliveryProperties p) {
    if (!p.ehloName().isBlank()) {
      return p.ehloName().strip();
    }
    try {
      String name = InetAddress.getLocalHost().getCanonicalHostName();
      if (name.contains(".")
          && !Character.isDigit(name.charAt(name.length() - 1))
          && !name.contains(":")) {
        return name;
      }
    } catch (UnknownHostException e) {
      // fall through: no usable name
    }
    return "localhost.localdomain";
  }

  private static TlsTrust trust(Optional<KeyStore> anchors) {
    return anchors.map(TlsTrust::of).orElseGet(TlsTrust::systemDefault);
  }

  /** The configured trust store, read once at start-up; empty: the JDK's anchors. */
  private static Optional<KeyStore> trustStore(DeliveryProperties p) {
    if (p.trustStore().isBlank()) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(Path.of(p.trustStore()))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, p.trustStorePassword().toCharArray());
      return Optional.of(store);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read hikyaku.delivery.trust-store " + p.trustStore(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("hikyaku.delivery.trust-store is not a PKCS#12 store", e);
    }
  }
}
