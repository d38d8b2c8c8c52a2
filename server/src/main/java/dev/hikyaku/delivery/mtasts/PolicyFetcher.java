package dev.hikyaku.delivery.mtasts;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} as RFC 8461 §3.3 requires: the
 * certificate must be valid for the host, redirects are not followed, nothing is cached, the body
 * is {@code text/plain} and at most 64 KiB, and the whole fetch has a time limit.
 *
 * <p>The host is resolved through the same {@link DnsResolver} as the rest of delivery, and the
 * request is a minimal HTTP/1.1 GET over an {@link SSLSocket}: the JDK's HttpClient resolves names
 * only through the system resolver, and connecting it to an address would lose SNI and the host
 * name check.
 */
final class PolicyFetcher {

  /** RFC 8461 §3.3: senders SHOULD limit the policy body to 64 KiB. */
  static final int MAX_BODY = 64 * 1024;

  /** RFC 8461 §3.3: a fetch timeout of no more than 60 seconds. */
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

  static final String PATH = "/.well-known/mta-sts.txt";

  /** What one fetch gave. */
  sealed interface Outcome {
    record Fetched(MtaStsPolicy policy) implements Outcome {}

    record Failed(MtaStsFailure failure, String detail) implements Outcome {}
  }

  private final DnsResolver dns;
  private final SSLContext tls;
  private final int port;
  private final Duration connectTimeout;
  private final Duration timeout;

  PolicyFetcher(
      DnsResolver dns, SSLContext tls, int port, Duration connectTimeout, Duration timeout) {
    this.dns = Objects.requireNonNull(dns, "dns");
    this.tls = Objects.requireNonNull(tls, "tls");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
    this.connectTimeout = checked(connectTimeout, "connectTimeout");
    this.timeout = checked(timeout, "timeout");
  }

  private static Duration checked(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " must be above 0 and at most 60 s, not " + d);
    }
    return d;
  }

  /** The policy host of {@code domain}. */
  static String host(String domain) {
    return "mta-sts." + domain;
  }

  Outcome fetch(String domain) {
    String host = host(domain);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      List<InetAddress> addresses = new ArrayList<>(dns.a(host).records());
      addresses.addAll(dns.aaaa(host).records());
      if (addresses.isEmpty()) {
        throw new FetchException(MtaStsFailure.NO_ADDRESS, host + " has no address");
      }
      try (Socket plain = connect(host, addresses)) {
        return exchange(host, plain, deadline);
      }
    } catch (FetchException e) {
      return new Outcome.Failed(e.failure(), e.getMessage());
    } catch (SocketTimeoutException e) {
      return new Outcome.Failed(MtaStsFailure.TIMEOUT, "fetching from " + host + " timed out");
    } catch (SSLHandshakeException e) {
      // RFC 8461 §3.3: the certificate must be valid for the mta-sts host (sts-webpki-invalid).
      return new Outcome.Failed(MtaStsFailure.CERTIFICATE, host + ": " + e.getMessage());
    } catch (IOException e) {
      return new Outcome.Failed(MtaStsFailure.CONNECTION, host + ": " + e);
    }
  }

  private Socket connect(String host, List<InetAddress> addresses) {
    List<String> errors = new ArrayList<>();
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
        return socket;
      } catch (IOException e) {
        errors.add(address.getHostAddress() + ": " + e.getMessage());
        try {
          socket.close();
        } catch (IOException closing) {
          errors.add("closing: " + closing.getMessage());
        }
      }
    }
    throw new FetchException(
        MtaStsFailure.CONNECTION,
        "cannot connect to " + host + " (" + String.join("; ", errors) + ")");
  }

  private Outcome exchange(String host, Socket plain, long deadline) throws IOException {
    try (SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
      SSLParameters parameters = socket.getSSLParameters();
      // Checks the certificate names the host (RFC 6125), as for any HTTPS URL.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      parameters.setServerNames(List.of(new SNIHostName(host)));
      socket.setSSLParameters(parameters);
      InputStream in = new DeadlineInputStream(socket, socket.getInputStream(), deadline);
      socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      String authority = port == 443 ? host : host + ":" + port;
      out.write(
          ("GET "
                  + PATH
                  + " HTTP/1.1\r\nHost: "
                  + authority
                  + "\r\nAccept: text/plain\r\n"
                  + "User-Agent: Hikyaku\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return read(host, new HttpResponseReader(in));
    }
  }

  private static Outcome read(String host, HttpResponseReader reader) throws IOException {
    HttpResponseReader.Head head = reader.readHead();
    if (head.status() >= 300 && head.status() < 400) {
      // RFC 8461 §3.3: HTTP 3xx redirects MUST NOT be followed.
      throw new FetchException(
          MtaStsFailure.REDIRECT,
          host + " answered a redirect (" + head.status() + "), which is not followed");
    }
    if (head.status() != 200) {
      throw new FetchException(MtaStsFailure.HTTP_STATUS, host + " answered " + head.status());
    }
    String type = head.header("content-type").orElse("");
    int semicolon = type.indexOf(';');
    String media = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    if (!media.toLowerCase(Locale.ROOT).equals("text/plain")) {
      // RFC 8461 §3.2: the policy is served with the media type text/plain.
      throw new FetchException(
          MtaStsFailure.CONTENT_TYPE,
          host
              + " served the policy as "
              + (type.isEmpty() ? "no type" : MxPattern.printable(type))
              + ", not text/plain");
    }
    byte[] body = reader.readBody(head, MAX_BODY);
    // The grammar is ASCII; ISO-8859-1 maps every byte, so other bytes fail parsing, not decoding.
    return switch (MtaStsPolicy.parse(new String(body, StandardCharsets.ISO_8859_1))) {
      case PolicyParseResult.Parsed parsed -> new Outcome.Fetched(parsed.policy());
      case PolicyParseResult.Invalid invalid ->
          new Outcome.Failed(MtaStsFailure.INVALID_POLICY, invalid.error().message());
    };
  }
}
