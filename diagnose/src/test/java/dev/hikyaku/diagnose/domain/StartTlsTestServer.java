package dev.hikyaku.diagnose.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A minimal SMTP server on loopback for STARTTLS probes: greeting, EHLO (with or without STARTTLS),
 * STARTTLS with a certificate made by the JDK's keytool for a given name, QUIT.
 */
final class StartTlsTestServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread thread;
  private final SSLContext serverContext;
  private final SSLContext clientTrust;

  StartTlsTestServer(String certificateName, boolean offerStartTls, Path dir) throws Exception {
    Path keystore = dir.resolve(certificateName + ".p12");
    Process keytool =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair",
                    "-alias",
                    "mx",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=" + certificateName,
                    "-ext",
                    "SAN=dns:" + certificateName,
                    "-validity",
                    "2",
                    "-keystore",
                    keystore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    "changeit",
                    "-keypass",
                    "changeit"))
            .redirectErrorStream(true)
            .start();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException(new String(keytool.getInputStream().readAllBytes()));
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keys.getKeyManagers(), null, null);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    clientTrust = SSLContext.getInstance("TLS");
    clientTrust.init(null, trust.getTrustManagers(), null);
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = Thread.ofPlatform().daemon().start(() -> serve(offerStartTls));
  }

  int port() {
    return socket.getLocalPort();
  }

  /** A client context that trusts this server's certificate, as if a public CA had issued it. */
  SSLContext clientTrust() {
    return clientTrust;
  }

  private void serve(boolean offerStartTls) {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        write(out, "220 mx ESMTP test");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String command = line.toUpperCase(java.util.Locale.ROOT);
          if (command.startsWith("EHLO")) {
            write(out, offerStartTls ? "250-mx\r\n250-PIPELINING\r\n250 STARTTLS" : "250 mx");
          } else if (command.equals("STARTTLS")) {
            write(out, "220 2.0.0 Ready to start TLS");
            try (SSLSocket tls =
                (SSLSocket)
                    serverContext
                        .getSocketFactory()
                        .createSocket(client, null, client.getPort(), false)) {
              tls.setUseClientMode(false);
              tls.startHandshake();
              new BufferedReader(new InputStreamReader(tls.getInputStream())).readLine();
              write(tls.getOutputStream(), "221 bye");
            } catch (IOException handshakeRefused) {
              // the probe's first, verifying attempt hangs up on an untrusted certificate
            }
            break;
          } else {
            write(out, "221 bye");
            break;
          }
        }
      } catch (IOException e) {
        // closed
      }
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
