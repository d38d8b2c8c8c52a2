package dev.hikyaku.delivery.smtp;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate authorities a session trusts when it verifies a server's certificate: the JDK's
 * (the default) or given ones, e.g. a private CA of a relay or a test CA.
 */
public final class TlsTrust {

  private final X509ExtendedTrustManager trustManager;

  private TlsTrust(X509ExtendedTrustManager trustManager) {
    this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
  }

  /** The CAs of the JDK's {@code cacerts}, as the JDK's own default TLS context trusts them. */
  public static TlsTrust systemDefault() {
    return fromFactory(null);
  }

  /** The CA certificates in {@code anchors} (its trusted certificate entries). */
  public static TlsTrust of(KeyStore anchors) {
    return fromFactory(Objects.requireNonNull(anchors, "anchors"));
  }

  /**
   * A given trust manager, e.g. with revocation checking configured. It must check the chain only:
   * the session checks the server name itself (RFC 6125), and does not set an endpoint
   * identification algorithm.
   */
  public static TlsTrust of(X509ExtendedTrustManager trustManager) {
    return new TlsTrust(trustManager);
  }

  X509ExtendedTrustManager trustManager() {
    return trustManager;
  }

  private static TlsTrust fromFactory(KeyStore anchors) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      for (TrustManager m : factory.getTrustManagers()) {
        if (m instanceof X509ExtendedTrustManager x509) {
          return new TlsTrust(x509);
        }
      }
      throw new IllegalStateException("the JDK's PKIX trust manager factory has no X.509 manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the trusted certificates: " + e.getMessage(), e);
    }
  }
}
