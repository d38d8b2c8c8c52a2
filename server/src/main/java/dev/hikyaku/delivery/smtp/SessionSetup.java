package dev.hikyaku.delivery.smtp;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Opens a session: greeting, EHLO (HELO if EHLO is refused with 5yz), STARTTLS as the TLS mode
 * demands and EHLO again over TLS, then AUTH if credentials are given.
 */
final class SessionSetup {

  private final SmtpSettings settings;
  private final TlsTrust trust;
  private final InetSocketAddress address;
  private final String serverName;
  private final Optional<SmtpCredentials> credentials;
  private final SmtpTranscript transcript;

  SessionSetup(
      SmtpSettings settings,
      TlsTrust trust,
      InetSocketAddress address,
      String serverName,
      Optional<SmtpCredentials> credentials,
      SmtpTranscript transcript) {
    this.settings = settings;
    this.trust = trust;
    this.address = address;
    this.serverName = serverName;
    this.credentials = credentials;
    this.transcript = transcript;
  }

  SessionOpening open() {
    SmtpConnection connection;
    try {
      connection = SmtpConnection.open(address, settings, transcript);
    } catch (StageException e) {
      return new SessionOpening.Failed(new SessionFailure.Interrupted(e.interruption()));
    }
    boolean opened = false;
    try {
      SmtpSession session = handshake(connection);
      opened = true;
      return new SessionOpening.Opened(session);
    } catch (StageException e) {
      return new SessionOpening.Failed(new SessionFailure.Interrupted(e.interruption()));
    } catch (SessionSetupException e) {
      if (!(e.failure() instanceof SessionFailure.TlsHandshakeFailed)
          && !(e.failure() instanceof SessionFailure.PeerNotVerified)) {
        // RFC 5321 §3.1: a server that refused us still waits for QUIT. After a failed handshake
        // the connection is neither clear text nor TLS, so it is only closed.
        SmtpSession.quit(connection, settings);
      }
      return new SessionOpening.Failed(e.failure());
    } finally {
      if (!opened) {
        connection.close();
      }
    }
  }

  private SmtpSession handshake(SmtpConnection connection)
      throws StageException, SessionSetupException {
    SmtpReply greeting = connection.readReply(SmtpStage.GREETING, settings.greetingTimeout());
    if (greeting.code() != 220) {
      throw new SessionSetupException(new SessionFailure.Refused(SmtpStage.GREETING, greeting));
    }
    EhloExtensions extensions = hello(connection);
    Optional<TlsSummary> tls = Optional.empty();
    if (settings.tlsMode() != TlsMode.NONE) {
      tls = startTls(connection, extensions);
      if (tls.isPresent()) {
        // RFC 3207 §4.2: forget what was learnt in clear text and ask again.
        extensions = hello(connection);
      }
    }
    if (credentials.isPresent()) {
      authenticate(connection, extensions, tls.isPresent(), credentials.get());
    }
    return new SmtpSession(
        connection, settings, serverName, greeting, extensions, tls, credentials.isPresent());
  }

  private EhloExtensions hello(SmtpConnection connection)
      throws StageException, SessionSetupException {
    String ehloName = settings.ehloName();
    SmtpReply ehlo =
        connection.command("EHLO " + ehloName, SmtpStage.EHLO, settings.commandTimeout());
    if (ehlo.isPositiveCompletion()) {
      return EhloExtensions.parse(ehlo);
    }
    if (!ehlo.isPermanent()) {
      throw new SessionSetupException(new SessionFailure.Refused(SmtpStage.EHLO, ehlo));
    }
    // RFC 5321 §3.2: a server that does not know EHLO answers 5yz; fall back to HELO.
    SmtpReply helo =
        connection.command("HELO " + ehloName, SmtpStage.HELO, settings.commandTimeout());
    if (!helo.isPositiveCompletion()) {
      throw new SessionSetupException(new SessionFailure.Refused(SmtpStage.HELO, helo));
    }
    return EhloExtensions.none();
  }

  private Optional<TlsSummary> startTls(SmtpConnection connection, EhloExtensions extensions)
      throws StageException, SessionSetupException {
    boolean required = settings.tlsMode() == TlsMode.REQUIRED;
    if (!extensions.startTls()) {
      if (required) {
        throw new SessionSetupException(new SessionFailure.TlsNotOffered());
      }
      connection.note("STARTTLS not offered; continuing without TLS");
      return Optional.empty();
    }
    SmtpReply reply = connection.command("STARTTLS", SmtpStage.STARTTLS, settings.commandTimeout());
    if (reply.code() != 220) {
      if (required) {
        throw new SessionSetupException(new SessionFailure.Refused(SmtpStage.STARTTLS, reply));
      }
      connection.note("STARTTLS refused; continuing without TLS");
      return Optional.empty();
    }
    if (connection.hasBufferedInput()) {
      // Bytes after the 220 came in clear text but would be read as if they came over TLS: a
      // man in the middle injecting replies (the STARTTLS injection flaws). RFC 3207 §4.2 says to
      // discard what was learnt before TLS; we refuse the connection rather than guess.
      throw new StageException(
          Interruption.Kind.PROTOCOL_VIOLATION,
          SmtpStage.STARTTLS,
          "the server sent data after its 220 reply to STARTTLS, before TLS began",
          null);
    }
    TlsSummary summary =
        StartTls.handshake(connection, serverName, trust, required, settings.commandTimeout());
    if (required && summary.verification() instanceof PeerVerification.Unverified u) {
      throw new SessionSetupException(new SessionFailure.PeerNotVerified(u));
    }
    return Optional.of(summary);
  }

  private void authenticate(
      SmtpConnection connection,
      EhloExtensions extensions,
      boolean encrypted,
      SmtpCredentials credentials)
      throws StageException, SessionSetupException {
    boolean loopbackAllowed =
        settings.plaintextAuthOnLoopback() && address.getAddress().isLoopbackAddress();
    if (!encrypted && !loopbackAllowed) {
      throw new SessionSetupException(
          new SessionFailure.AuthNotPossible(
              "credentials are only sent over TLS, and this connection has none"));
    }
    if (!extensions.supports("AUTH")) {
      throw new SessionSetupException(
          new SessionFailure.AuthNotPossible("the server does not announce AUTH"));
    }
    SaslAuthenticator.authenticate(
        connection, extensions.authMechanisms(), credentials, settings.commandTimeout());
  }
}
