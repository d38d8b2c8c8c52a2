package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection failed or ended badly, on either side.
 *
 * <p>smtpd: {@code lost connection after DATA from host[ip]}, {@code timeout after CONNECT from
 * ...}, {@code SSL_accept error from ...: -1}, {@code improper command pipelining after EHLO from
 * ...}. smtp: {@code connect to mx[ip]:25: Connection timed out}, {@code lost connection with
 * mx[ip] while sending RCPT TO}, {@code conversation with mx[ip] timed out while ...}, {@code
 * SSL_connect error to ...}, {@code certificate verification failed for ...}.
 *
 * @param queueId the queue ID of the message being sent, if logged
 * @param problem what went wrong, in Postfix's words: {@code lost connection}, {@code timeout},
 *     {@code connect failed} (for {@code connect to}), {@code conversation timed out}, {@code
 *     SSL_connect error}, {@code certificate verification failed}, ...
 * @param stage the SMTP stage it happened after (smtpd's {@code after DATA})
 * @param peer the other end
 * @param reason what Postfix was doing ({@code while sending RCPT TO})
 * @param error the error text after the peer ({@code Connection timed out}, {@code lost
 *     connection}, the certificate problem)
 * @param outbound whether Postfix was the client
 */
public record ConnectionTrouble(
    Optional<QueueId> queueId,
    String problem,
    Optional<String> stage,
    Peer peer,
    Optional<String> reason,
    Optional<String> error,
    boolean outbound)
    implements SessionEvent {

  public ConnectionTrouble {
    Objects.requireNonNull(queueId, "queueId");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(error, "error");
    if (problem.isEmpty()) {
      throw new IllegalArgumentException("connection trouble names its problem");
    }
  }
}
