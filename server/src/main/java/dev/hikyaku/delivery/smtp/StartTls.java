package dev.hikyaku.delivery.smtp;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The TLS handshake after a 220 reply to STARTTLS (RFC 3207 §4): TLS 1.2 or 1.3 only, SNI with the
 * server name, the certificate verdict recorded by a {@link RecordingTrustManager}.
 */
final class StartTls {

  /** RFC 8996 deprecates TLS 1.0 and 1.1; RFC 8314 §4.1 asks for 1.2 or later. */
  private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private StartTls() {}

  /**
   * Shakes hands over {@code connection}, which then continues over TLS.
   *
   * @throws SessionSetupException with {@link SessionFailure.PeerNotVerified} when verification is
   *     required and fails, {@link SessionFailure.TlsHandshakeFailed} when the handshake fails
   *     otherwise
   * @throws StageException on a timeout
   */
  static TlsSummary handshake(
      SmtpConnection connection,
      String serverName,
      TlsTrust trust,
      boolean verificationRequired,
      Duration timeout)
      throws SessionSetupException, StageException {
    RecordingTrustManager recorder =
        new RecordingTrustManager(trust.trustManager(), serverName, verificationRequired);
    SSLSocket tls;
    WriteWatchdog.Alarm alarm = WriteWatchdog.arm(connection.tcpSocket(), timeout);
    try {
      // A fresh context per handshake: the recorder belongs to this connection only.
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {recorder}, null);
      tls =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(
                      connection.socket(), serverName, connection.address().getPort(), true);
      tls.setUseClientMode(true);
      tls.setSSLParameters(parameters(tls, serverName));
      tls.setSoTimeout((int) timeout.toMillis());
      tls.startHandshake();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make a TLS context", e);
    } catch (IOException e) {
      if (alarm.fired() || e instanceof SocketTimeoutException) {
        throw new StageException(
            Interruption.Kind.TIMEOUT,
            SmtpStage.TLS_HANDSHAKE,
            "handshake not complete in time",
            e);
      }
      if (verificationRequired && recorder.verdict() instanceof PeerVerification.Unverified u) {
        throw new SessionSetupException(new SessionFailure.PeerNotVerified(u));
      }
      throw new SessionSetupException(
          new SessionFailure.TlsHandshakeFailed(SmtpConnection.describe(e)));
    } finally {
      alarm.close();
    }
    SSLSession session = tls.getSession();
    TlsSummary summary =
        new TlsSummary(
            session.getProtocol(), session.getCipherSuite(), verdict(recorder), subject(session));
    try {
      connection.upgrade(tls);
    } catch (IOException e) {
      throw connection.failure(e, SmtpStage.TLS_HANDSHAKE);
    }
    connection.note(
        "TLS "
            + summary.protocol()
            + " "
            + summary.cipherSuite()
            + ", peer "
            + summary.peerSubject()
            + (summary.verification() instanceof PeerVerification.Unverified u
                ? ", NOT verified: " + u.reason() + " (" + u.detail() + ")"
                : ", verified"));
    return summary;
  }

  private static SSLParameters parameters(SSLSocket tls, String serverName) {
    SSLParameters parameters = tls.getSSLParameters();
    List<String> supported = Arrays.asList(tls.getSupportedProtocols());
    parameters.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
    if (!HostNames.isIpLiteral(serverName)) {
      parameters.setServerNames(List.of(new SNIHostName(serverName))); // RFC 6066 §3
    }
    // No endpoint identification algorithm: the recorder checks the name itself, so that an
    // opportunistic session can go on with a mismatching certificate and say so.
    parameters.setEndpointIdentificationAlgorithm(null);
    return parameters;
  }

  private static PeerVerification verdict(RecordingTrustManager recorder) {
    PeerVerification verdict = recorder.verdict();
    return verdict != null
        ? verdict
        : new PeerVerification.Unverified(
            PeerVerification.Reason.UNTRUSTED_CHAIN, "no certificate was checked");
  }

  private static String subject(SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x509
          ? x509.getSubjectX500Principal().getName()
          : "";
    } catch (IOException e) {
      return ""; // SSLPeerUnverifiedException: no certificate, already in the verdict
    }
  }
}
