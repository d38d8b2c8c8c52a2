package dev.hikyaku.delivery.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Certificates for TLS tests, made once per test run with the JDK's keytool: a test CA, a server
 * certificate for {@value #SERVER_NAME} issued by it, and a self-signed certificate for the same
 * name.
 */
public final class TestCertificates {

  /** The name in both server certificates. */
  public static final String SERVER_NAME = "mx.hikyaku.test";

  private static final String PASSWORD = "changeit";
  private static TestCertificates instance;

  private final Path dir;
  private final KeyStore caIssued;
  private final KeyStore selfSigned;
  private final KeyStore anchors;
  private final java.util.Map<String, KeyStore> issued = new java.util.HashMap<>();

  private TestCertificates() throws IOException, GeneralSecurityException, InterruptedException {
    dir = Files.createTempDirectory("hikyaku-smtp-certs");
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-dname",
        "CN=Hikyaku Test CA",
        "-ext",
        "bc:c",
        "-keystore",
        "ca.p12",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2");
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "mx",
        "-dname",
        "CN=" + SERVER_NAME,
        "-keystore",
        "mx.p12",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2");
    keytool("-certreq", "-alias", "mx", "-keystore", "mx.p12", "-file", "mx.csr");
    keytool(
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-infile",
        "mx.csr",
        "-outfile",
        "mx.pem",
        "-ext",
        "san=dns:" + SERVER_NAME,
        "-ext",
        "eku=serverAuth",
        "-validity",
        "2");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "mx.p12");
    keytool("-importcert", "-alias", "mx", "-file", "mx.pem", "-keystore", "mx.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "self",
        "-dname",
        "CN=" + SERVER_NAME,
        "-ext",
        "san=dns:" + SERVER_NAME,
        "-keystore",
        "self.p12",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2");
    caIssued = load("mx.p12");
    selfSigned = load("self.p12");
    anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
      Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
      anchors.setCertificateEntry("ca", ca);
    }
  }

  /** The certificates, made on first use. */
  public static synchronized TestCertificates get() {
    if (instance == null) {
      try {
        instance = new TestCertificates();
      } catch (IOException | GeneralSecurityException | InterruptedException e) {
        throw new IllegalStateException("cannot make test certificates", e);
      }
    }
    return instance;
  }

  /** A server context presenting the CA-issued certificate (with its chain). */
  public SSLContext caIssuedServer() {
    return serverContext(caIssued);
  }

  /** A server context presenting the self-signed certificate. */
  public SSLContext selfSignedServer() {
    return serverContext(selfSigned);
  }

  /** The CA-issued server certificate. */
  X509Certificate caIssuedCertificate() {
    try {
      return (X509Certificate) caIssued.getCertificate("mx");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A server context presenting a certificate for {@code name} issued by the test CA, made on first
   * use (other features' TLS tests, e.g. MTA-STS policy hosts).
   */
  public synchronized SSLContext caIssuedServerFor(String name) {
    KeyStore keys = issued.get(name);
    if (keys == null) {
      String alias = "h" + issued.size();
      try {
        issue(alias, name);
        keys = load(alias + ".p12");
      } catch (IOException | GeneralSecurityException | InterruptedException e) {
        throw new IllegalStateException("cannot make a test certificate for " + name, e);
      }
      issued.put(name, keys);
    }
    return serverContext(keys);
  }

  /** A client context that trusts the test CA only and checks nothing else itself. */
  public SSLContext clientTrustingTestCa() {
    try {
      javax.net.ssl.TrustManagerFactory factory =
          javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void issue(String alias, String name) throws IOException, InterruptedException {
    String store = alias + ".p12";
    keytool(
        "-genkeypair",
        "-alias",
        alias,
        "-dname",
        "CN=" + name,
        "-keystore",
        store,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2");
    keytool("-certreq", "-alias", alias, "-keystore", store, "-file", alias + ".csr");
    keytool(
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-infile",
        alias + ".csr",
        "-outfile",
        alias + ".pem",
        "-ext",
        "san=dns:" + name,
        "-ext",
        "eku=serverAuth",
        "-validity",
        "2");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store);
    keytool("-importcert", "-alias", alias, "-file", alias + ".pem", "-keystore", store);
  }

  /** The test CA as a PKCS#12 trust store file with {@code password}, for configuration. */
  public java.nio.file.Path trustStoreFile(String password) {
    try {
      java.nio.file.Path file = dir.resolve("trust-" + password.hashCode() + ".p12");
      try (var out = Files.newOutputStream(file)) {
        anchors.store(out, password.toCharArray());
      }
      return file;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Client trust in the test CA only. */
  TlsTrust trustTestCa() {
    return TlsTrust.of(anchors);
  }

  private static SSLContext serverContext(KeyStore keys) {
    try {
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private KeyStore load(String file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed: " + output);
    }
  }
}
