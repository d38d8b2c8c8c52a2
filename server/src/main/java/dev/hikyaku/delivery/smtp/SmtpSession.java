package dev.hikyaku.delivery.smtp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An open SMTP session to one server, ready for transactions: greeting read, EHLO done, TLS and
 * AUTH as configured. Sends one message per {@link #send} and may be reused for more, up to {@link
 * SmtpSettings#maxMessagesPerConnection()}; {@link #close()} says QUIT. Not thread-safe: one thread
 * uses a session at a time.
 */
public final class SmtpSession implements AutoCloseable {

  private final SmtpConnection connection;
  private final SmtpSettings settings;
  private final String serverName;
  private final SmtpReply greeting;
  private final EhloExtensions extensions;
  private final Optional<TlsSummary> tls;
  private final boolean authenticated;
  private int transactions;
  private boolean spoilt;
  private boolean closed;

  SmtpSession(
      SmtpConnection connection,
      SmtpSettings settings,
      String serverName,
      SmtpReply greeting,
      EhloExtensions extensions,
      Optional<TlsSummary> tls,
      boolean authenticated) {
    this.connection = connection;
    this.settings = settings;
    this.serverName = serverName;
    this.greeting = greeting;
    this.extensions = extensions;
    this.tls = tls;
    this.authenticated = authenticated;
  }

  /** The server's name as given to {@link SmtpClient#open}, canonical. */
  public String serverName() {
    return serverName;
  }

  /** The address connected to. */
  public InetSocketAddress address() {
    return connection.address();
  }

  /** The 220 greeting. */
  public SmtpReply greeting() {
    return greeting;
  }

  /** The extensions of the last EHLO (the one over TLS, if TLS is on); none after HELO. */
  public EhloExtensions extensions() {
    return extensions;
  }

  /** What TLS established; empty if the session is in clear text. */
  public Optional<TlsSummary> tls() {
    return tls;
  }

  /** Whether AUTH succeeded. */
  public boolean authenticated() {
    return authenticated;
  }

  /** How many transactions were started on this session. */
  public int transactions() {
    return transactions;
  }

  /**
   * Whether another {@link #send} can be tried: not closed, no connection failure or 421 so far,
   * and fewer than the maximum messages per connection sent.
   */
  public boolean isUsable() {
    return !closed
        && !spoilt
        && connection.isOpen()
        && transactions < settings.maxMessagesPerConnection();
  }

  /**
   * Sends one message in one transaction and tells exactly what became of it; never throws for
   * anything the server or the network does. After {@link TransactionOutcome.Interrupted} or {@link
   * TransactionOutcome.OutcomeUnknown} the session is closed.
   */
  public TransactionOutcome send(Envelope envelope, OutboundMessage message) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(message, "message");
    if (!isUsable()) {
      return new TransactionOutcome.NotSent(
          LocalRefusal.SESSION_NOT_USABLE,
          closed || spoilt || !connection.isOpen()
              ? "the session is closed"
              : "the session has sent its " + settings.maxMessagesPerConnection() + " messages");
    }
    Optional<TransactionOutcome.NotSent> refusal =
        MailCommand.refusal(envelope, message, extensions);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    // RFC 5321 §4.1.1.5: RSET clears whatever the previous transaction left behind.
    boolean reset = transactions > 0;
    transactions++;
    MailTransaction transaction = new MailTransaction(connection, settings, extensions);
    TransactionOutcome outcome = transaction.run(envelope, message, reset);
    if (transaction.sessionSpoilt()) {
      spoilt = true;
      connection.close();
    }
    return outcome;
  }

  /** Says QUIT (if the session is still sound) and closes the connection. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!spoilt && connection.isOpen()) {
      quit(connection, settings);
    }
    connection.close();
  }

  /** Sends QUIT and waits briefly for the 221; failures only end the session sooner. */
  static void quit(SmtpConnection connection, SmtpSettings settings) {
    if (!connection.isOpen()) {
      return;
    }
    try {
      connection.command("QUIT", SmtpStage.QUIT, settings.quitTimeout());
    } catch (StageException e) {
      connection.note("no reply to QUIT: " + e.interruption().detail());
    }
  }
}
