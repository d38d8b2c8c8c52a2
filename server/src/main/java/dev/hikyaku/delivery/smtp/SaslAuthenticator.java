package dev.hikyaku.delivery.smtp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * SMTP AUTH (RFC 4954) with PLAIN (RFC 4616), preferred, or LOGIN (the old de-facto mechanism some
 * relays still require). Credentials go to the connection through {@link
 * SmtpConnection#writeShown}, so that the transcript only shows a placeholder.
 */
final class SaslAuthenticator {

  private static final String HIDDEN = "<credentials>";

  private SaslAuthenticator() {}

  /**
   * Authenticates, or fails with {@link SessionFailure.Refused} at {@link SmtpStage#AUTH} (e.g. 535
   * wrong credentials, 454 temporary) or {@link SessionFailure.AuthNotPossible} when the server
   * offers neither mechanism.
   */
  static void authenticate(
      SmtpConnection connection,
      Set<String> mechanisms,
      SmtpCredentials credentials,
      Duration timeout)
      throws StageException, SessionSetupException {
    SmtpReply reply;
    if (mechanisms.contains("PLAIN")) {
      // RFC 4616 §2: [authzid] NUL authcid NUL passwd, sent as the initial response (RFC 4954 §4).
      String message = "\0" + credentials.username() + "\0" + credentials.password();
      connection.writeShown(
          "AUTH PLAIN " + base64(message), "AUTH PLAIN " + HIDDEN, SmtpStage.AUTH);
      connection.flush(SmtpStage.AUTH);
      reply = connection.readReply(SmtpStage.AUTH, timeout);
    } else if (mechanisms.contains("LOGIN")) {
      reply = connection.command("AUTH LOGIN", SmtpStage.AUTH, timeout);
      if (reply.code() == 334) {
        reply = secret(connection, credentials.username(), timeout);
      }
      if (reply.code() == 334) {
        reply = secret(connection, credentials.password(), timeout);
      }
    } else {
      throw new SessionSetupException(
          new SessionFailure.AuthNotPossible(
              "the server offers no AUTH mechanism this client supports (PLAIN, LOGIN): "
                  + mechanisms));
    }
    if (reply.code() == 334) {
      // A challenge we have no answer for: cancel the exchange (RFC 4954 §4) and report it.
      connection.command("*", SmtpStage.AUTH, timeout);
    }
    if (reply.code() != 235) {
      throw new SessionSetupException(new SessionFailure.Refused(SmtpStage.AUTH, reply));
    }
  }

  private static SmtpReply secret(SmtpConnection connection, String value, Duration timeout)
      throws StageException {
    connection.writeShown(base64(value), HIDDEN, SmtpStage.AUTH);
    connection.flush(SmtpStage.AUTH);
    return connection.readReply(SmtpStage.AUTH, timeout);
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
