package dev.hikyaku.delivery;

import dev.hikyaku.delivery.smtp.Envelope;
import dev.hikyaku.delivery.smtp.MailboxPath;
import dev.hikyaku.delivery.smtp.OutboundMessage;
import dev.hikyaku.delivery.smtp.RecipientReply;
import dev.hikyaku.delivery.smtp.SessionFailure;
import dev.hikyaku.delivery.smtp.SessionOpening;
import dev.hikyaku.delivery.smtp.SmtpClient;
import dev.hikyaku.delivery.smtp.SmtpCredentials;
import dev.hikyaku.delivery.smtp.SmtpReply;
import dev.hikyaku.delivery.smtp.SmtpSession;
import dev.hikyaku.delivery.smtp.SmtpTranscript;
import dev.hikyaku.delivery.smtp.TlsSummary;
import dev.hikyaku.delivery.smtp.TransactionOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Sends over SMTP, to a relay or to the destination's MX hosts: for each server in order, one
 * connection carries as many of the domain's messages as it will take (RSET between them); a server
 * that cannot be reached, refuses the session or fails the TLS policy passes the remaining messages
 * to the next one; what no server took is deferred with the last reason.
 */
final class SmtpTransport implements Transport {

  private final String route;
  private final Function<String, MxResolver.Route> destinations;
  private final Function<String, SmtpClient> clientFor;
  private final Optional<SmtpCredentials> credentials;

  /**
   * @param destinations the servers for a recipient domain
   * @param clientFor the client (with the domain's TLS policy) for a recipient domain
   */
  SmtpTransport(
      String route,
      Function<String, MxResolver.Route> destinations,
      Function<String, SmtpClient> clientFor,
      Optional<SmtpCredentials> credentials) {
    this.route = route;
    this.destinations = destinations;
    this.clientFor = clientFor;
    this.credentials = credentials;
  }

  @Override
  public String route() {
    return route;
  }

  @Override
  public List<Sent> send(String domain, List<RenderedMessage> messages, BooleanSupplier halted) {
    if (halted.getAsBoolean()) {
      return List.of();
    }
    Sent[] results = new Sent[messages.size()];
    String lastFailure = "no server was tried";
    switch (destinations.apply(domain)) {
      case MxResolver.Route.NoMail none -> {
        Arrays.fill(
            results,
            sent(
                new DeliveryOutcome.Bounced(550, none.enhanced(), none.reason()), "", "", null, 0));
        return List.of(results);
      }
      case MxResolver.Route.TryLater later -> {
        Arrays.fill(
            results, sent(new DeliveryOutcome.Deferred(0, later.reason()), "", "", null, 0));
        return List.of(results);
      }
      case MxResolver.Route.Servers servers -> {
        SmtpClient client = clientFor.apply(domain);
        for (Destination d : servers.destinations()) {
          if (allDone(results)) {
            break;
          }
          Stop stop = deliverVia(client, d, messages, results, halted);
          if (stop.halted()) {
            return tried(results);
          }
          lastFailure = stop.why();
        }
      }
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        results[i] = sent(new DeliveryOutcome.Deferred(0, lastFailure), "", "", null, 0);
      }
    }
    return List.of(results);
  }

  /** Why sending over one server stopped: the halt, or the reason the rest move on. */
  private record Stop(String why, boolean halted) {
    static final Stop HALTED = new Stop("halted", true);

    static Stop because(String why) {
      return new Stop(why, false);
    }
  }

  /** Sends the messages without a result over sessions to {@code d}; returns why it stopped. */
  private Stop deliverVia(
      SmtpClient client,
      Destination d,
      List<RenderedMessage> messages,
      Sent[] results,
      BooleanSupplier halted) {
    String address = d.address().getAddress().getHostAddress();
    while (!allDone(results)) {
      if (halted.getAsBoolean()) {
        return Stop.HALTED;
      }
      SessionOpening opening =
          client.open(d.address(), d.host(), credentials, SmtpTranscript.none());
      if (opening instanceof SessionOpening.Failed failed) {
        return Stop.because(d.host() + " [" + address + "]: " + describe(failed.failure()));
      }
      SmtpSession session = ((SessionOpening.Opened) opening).session();
      try {
        boolean progressed = false;
        for (int i = 0; i < results.length && session.isUsable(); i++) {
          if (results[i] != null) {
            continue;
          }
          if (halted.getAsBoolean()) {
            return Stop.HALTED; // the session is closed (QUIT) below
          }
          RenderedMessage m = messages.get(i);
          long t0 = System.nanoTime();
          TransactionOutcome outcome;
          try {
            outcome =
                session.send(
                    Envelope.of(new MailboxPath(m.envelopeFrom()), new MailboxPath(m.recipient())),
                    OutboundMessage.of(m.content()));
          } catch (IllegalArgumentException badAddress) {
            results[i] =
                sent(
                    new DeliveryOutcome.Bounced(
                        553, "5.1.3", "cannot be sent: " + badAddress.getMessage()),
                    d.host(),
                    address,
                    session.tls().orElse(null),
                    0);
            continue;
          }
          long ms = (System.nanoTime() - t0) / 1_000_000;
          DeliveryOutcome o = outcome(outcome);
          if (o == null) {
            // The connection broke before the message was sent: safe to try it again.
            return Stop.because(d.host() + " [" + address + "]: " + describeInterruption(outcome));
          }
          results[i] = sent(o, d.host(), address, session.tls().orElse(null), ms);
          progressed = true;
        }
        if (!progressed && !allDone(results)) {
          return Stop.because(d.host() + " [" + address + "]: the session took no message");
        }
      } finally {
        session.close();
      }
    }
    return Stop.because("");
  }

  /**
   * The results of the messages tried before a halt. Messages are tried in order and a message
   * without a result is tried again before any later one, so those with a result are the first.
   */
  private static List<Sent> tried(Sent[] results) {
    int n = 0;
    while (n < results.length && results[n] != null) {
      n++;
    }
    return List.of(Arrays.copyOf(results, n));
  }

  /** The outcome for the single recipient, or null when the message may simply be sent again. */
  static DeliveryOutcome outcome(TransactionOutcome outcome) {
    return switch (outcome) {
      case TransactionOutcome.Delivered d -> {
        if (!d.refused().isEmpty()) {
          yield ofReply(d.refused().get(0).reply());
        }
        yield new DeliveryOutcome.Delivered(d.dataReply().code(), d.dataReply().toString());
      }
      case TransactionOutcome.AllRecipientsRefused r -> {
        RecipientReply first = r.recipients().get(0);
        yield ofReply(first.reply());
      }
      case TransactionOutcome.Rejected r -> ofReply(r.reply());
      case TransactionOutcome.NotSent n ->
          switch (n.refusal()) {
            case SESSION_NOT_USABLE -> null;
            case SIZE_EXCEEDED ->
                new DeliveryOutcome.Bounced(
                    552, "5.3.4", "the message is larger than the server accepts: " + n.detail());
            case SMTPUTF8_NOT_SUPPORTED ->
                new DeliveryOutcome.Bounced(
                    553, "5.6.7", "the server cannot take UTF-8 addresses: " + n.detail());
            case EIGHT_BIT_MIME_NOT_SUPPORTED ->
                new DeliveryOutcome.Bounced(
                    554, "5.6.3", "the server cannot take 8-bit content: " + n.detail());
          };
      case TransactionOutcome.Interrupted i -> null;
      case TransactionOutcome.OutcomeUnknown u ->
          // The server may have the message: retry later (at-least-once; a duplicate is possible).
          new DeliveryOutcome.Deferred(
              0, "no reply after the message was sent (" + u.interruption() + ")");
    };
  }

  private static DeliveryOutcome ofReply(SmtpReply reply) {
    String enhanced = reply.enhancedStatus().map(Object::toString).orElse("");
    if (reply.isPermanent()) {
      return new DeliveryOutcome.Bounced(
          reply.code(), enhanced.isEmpty() ? "5.0.0" : enhanced, reply.toString());
    }
    return new DeliveryOutcome.Deferred(reply.code(), reply.toString());
  }

  private static String describe(SessionFailure failure) {
    return switch (failure) {
      case SessionFailure.Interrupted i -> i.interruption().toString();
      case SessionFailure.Refused r -> "refused at " + r.stage() + ": " + r.reply();
      case SessionFailure.TlsNotOffered t ->
          "TLS is required but the server does not offer STARTTLS";
      case SessionFailure.TlsHandshakeFailed h -> "TLS handshake failed: " + h.detail();
      case SessionFailure.PeerNotVerified p ->
          "TLS is required but the certificate does not verify: " + p.verification().detail();
      case SessionFailure.AuthNotPossible a -> "authentication not possible: " + a.detail();
    };
  }

  private static String describeInterruption(TransactionOutcome outcome) {
    return switch (outcome) {
      case TransactionOutcome.Interrupted i -> i.interruption().toString();
      default -> "the session ended";
    };
  }

  private static boolean allDone(Sent[] results) {
    for (Sent s : results) {
      if (s == null) {
        return false;
      }
    }
    return true;
  }

  private static Sent sent(
      DeliveryOutcome o, String host, String address, TlsSummary tls, long ms) {
    Tls t = tls == null ? Tls.NONE : new Tls(tls.protocol(), tls.cipherSuite(), tls.peerVerified());
    return new Sent(o, host, address, t, ms);
  }
}
