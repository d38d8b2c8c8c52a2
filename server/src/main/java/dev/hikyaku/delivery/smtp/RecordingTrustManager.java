package dev.hikyaku.delivery.smtp;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the server's certificate during one handshake and records the verdict: the chain with the
 * trusted CAs, then the name with {@link CertificateNames}. When verification is required a failed
 * check also fails the handshake; otherwise (opportunistic TLS, RFC 7435) the handshake goes on and
 * only the verdict says what was wrong.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

  private final X509ExtendedTrustManager trusted;
  private final String serverName;
  private final boolean required;
  private volatile PeerVerification verdict;

  RecordingTrustManager(X509ExtendedTrustManager trusted, String serverName, boolean required) {
    this.trusted = trusted;
    this.serverName = serverName;
    this.required = required;
  }

  /** The verdict of the handshake, or null if no server certificate was checked. */
  PeerVerification verdict() {
    return verdict;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    decide(chain, () -> trusted.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    decide(chain, () -> trusted.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    decide(chain, () -> trusted.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("an SMTP client does not check client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("an SMTP client does not check client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("an SMTP client does not check client certificates");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return trusted.getAcceptedIssuers();
  }

  @FunctionalInterface
  private interface ChainCheck {
    void run() throws CertificateException;
  }

  private void decide(X509Certificate[] chain, ChainCheck chainCheck) throws CertificateException {
    verdict = verify(chain, chainCheck);
    if (required && verdict instanceof PeerVerification.Unverified unverified) {
      throw new CertificateException(unverified.detail());
    }
  }

  private PeerVerification verify(X509Certificate[] chain, ChainCheck chainCheck) {
    if (chain == null || chain.length == 0) {
      return new PeerVerification.Unverified(
          PeerVerification.Reason.UNTRUSTED_CHAIN, "the server sent no certificate");
    }
    try {
      chainCheck.run();
    } catch (CertificateException e) {
      return new PeerVerification.Unverified(
          PeerVerification.Reason.UNTRUSTED_CHAIN, SmtpConnection.describe(e));
    }
    if (!CertificateNames.match(chain[0], serverName)) {
      return new PeerVerification.Unverified(
          PeerVerification.Reason.NAME_MISMATCH,
          "the certificate names " + CertificateNames.presented(chain[0]) + ", not " + serverName);
    }
    return new PeerVerification.Verified();
  }
}
