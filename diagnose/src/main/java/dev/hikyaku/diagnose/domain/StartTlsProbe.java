package dev.hikyaku.diagnose.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Connects to one MX host, asks for STARTTLS (RFC 3207) and reports the TLS version, cipher and
 * whether the certificate is trusted and names the host, as a sender with certificate checks
 * (MTA-STS, RFC 8461) would see it. Time-bounded; talks only to the address it is given.
 */
final class StartTlsProbe {

  /** What the probe saw; {@code problem} is empty when TLS worked with a valid certificate. */
  record Outcome(boolean offered, String protocol, String cipher, String subject, String problem) {}

  private final Duration timeout;
  private final SSLContext verifying;

  StartTlsProbe(Duration timeout, SSLContext verifying) {
    this.timeout = timeout;
    this.verifying = verifying;
  }

  /** Probes {@code host} (the MX name, for the certificate check) at {@code address:port}. */
  Outcome probe(String host, InetAddress address, int port) throws IOException {
    try {
      return handshake(host, address, port, verifying.getSocketFactory(), true);
    } catch (SSLException e) {
      // Look again without trusting, to say what the certificate is; a sender that checks
      // certificates (MTA-STS "enforce") would not deliver.
      Outcome seen = handshake(host, address, port, trustingEverything(), false);
      return new Outcome(
          seen.offered(),
          seen.protocol(),
          seen.cipher(),
          seen.subject(),
          "certificate not accepted: " + e.getMessage());
    }
  }

  private Outcome handshake(
      String host, InetAddress address, int port, SSLSocketFactory factory, boolean checkName)
      throws IOException {
    int millis = (int) timeout.toMillis();
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(address, port), millis);
      plain.setSoTimeout(millis);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = plain.getOutputStream();
      expect(in, "220");
      send(out, "EHLO probe.hikyaku.invalid");
      List<String> ehlo = expect(in, "250");
      if (ehlo.stream().noneMatch(l -> l.substring(4).strip().equalsIgnoreCase("STARTTLS"))) {
        send(out, "QUIT");
        return new Outcome(false, "", "", "", "STARTTLS not offered");
      }
      send(out, "STARTTLS");
      expect(in, "220");
      try (SSLSocket tls = (SSLSocket) factory.createSocket(plain, host, port, false)) {
        if (checkName) {
          SSLParameters parameters = tls.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 6125 name check
          tls.setSSLParameters(parameters);
        }
        tls.startHandshake();
        var session = tls.getSession();
        String subject =
            session.getPeerCertificates()[0] instanceof X509Certificate x509
                ? x509.getSubjectX500Principal().getName() + ", valid until " + x509.getNotAfter()
                : "";
        send(tls.getOutputStream(), "QUIT");
        return new Outcome(true, session.getProtocol(), session.getCipherSuite(), subject, "");
      }
    }
  }

  private static void send(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads one (multi-line) reply and checks its code (RFC 5321 §4.2). */
  private static List<String> expect(BufferedReader in, String code) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    do {
      line = in.readLine();
      if (line == null || line.length() < 3 || lines.size() > 100) {
        throw new IOException("the server closed the connection or replied badly");
      }
      lines.add(line.length() > 512 ? line.substring(0, 512) : line);
    } while (line.length() > 3 && line.charAt(3) == '-');
    if (!line.startsWith(code)) {
      throw new IOException("expected " + code + ", got: " + line);
    }
    return lines;
  }

  private static SSLSocketFactory trustingEverything() throws IOException {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String type)
              throws CertificateException {
            throw new CertificateException("not a server");
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String type) {
            // Only used to describe a certificate that already failed the real check.
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS is not available: " + e.getMessage(), e);
    }
  }
}
