package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** An event about one message in the queue, named by its queue ID. */
public sealed interface MessageEvent extends PostfixEvent
    permits Delivery,
        ContentCheck,
        MessageEvent.ClientAccepted,
        MessageEvent.Pickup,
        MessageEvent.MessageIdAssigned,
        MessageEvent.Queued,
        MessageEvent.Expired,
        MessageEvent.QueueAction,
        MessageEvent.BounceNotice {

  /** The queue ID of the message. */
  QueueId queue();

  @Override
  default Optional<QueueId> queueId() {
    return Optional.of(queue());
  }

  /**
   * smtpd accepted a message from a client: {@code client=host[ip]}, with the SASL login if there
   * was one.
   *
   * @param queue the new message's queue ID
   * @param client the SMTP client
   * @param saslMethod {@code sasl_method=}
   * @param saslUsername {@code sasl_username=}
   * @param attributes the whole {@code key=value} section
   */
  record ClientAccepted(
      QueueId queue,
      Peer client,
      Optional<String> saslMethod,
      Optional<String> saslUsername,
      Attributes attributes)
      implements MessageEvent {
    public ClientAccepted {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(saslMethod, "saslMethod");
      Objects.requireNonNull(saslUsername, "saslUsername");
      Objects.requireNonNull(attributes, "attributes");
    }
  }

  /**
   * pickup took a message submitted locally with sendmail: {@code uid=0 from=<root>}.
   *
   * @param queue the new message's queue ID
   * @param uid the submitting user's numeric ID
   * @param sender the envelope sender, if logged
   * @param attributes the whole {@code key=value} section
   */
  record Pickup(QueueId queue, OptionalLong uid, Optional<String> sender, Attributes attributes)
      implements MessageEvent {
    public Pickup {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(attributes, "attributes");
    }
  }

  /**
   * cleanup read the Message-ID header: {@code message-id=<...>}.
   *
   * @param queue the message's queue ID
   * @param messageId the Message-ID without angle brackets; empty for {@code message-id=<>}, and as
   *     logged when it was not bracketed (an encoded-word, say)
   * @param resent whether it was {@code resent-message-id=}
   */
  record MessageIdAssigned(QueueId queue, String messageId, boolean resent)
      implements MessageEvent {
    public MessageIdAssigned {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(messageId, "messageId");
    }
  }

  /**
   * The queue manager took a message into the active queue: {@code from=<...>, size=N, nrcpt=N}. It
   * logs this again each time a deferred message is retried.
   *
   * @param queue the message's queue ID
   * @param sender the envelope sender, empty for the null sender
   * @param size the message size in bytes
   * @param recipients the number of recipients
   * @param attributes the whole {@code key=value} section
   */
  record Queued(QueueId queue, String sender, long size, int recipients, Attributes attributes)
      implements MessageEvent {
    public Queued {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(attributes, "attributes");
      if (size < 0 || recipients < 0) {
        throw new IllegalArgumentException("size and recipients cannot be negative");
      }
    }
  }

  /**
   * The queue manager gave up on a message that outlived {@code maximal_queue_lifetime}: {@code
   * from=<...>, status=expired, returned to sender}.
   *
   * @param queue the message's queue ID
   * @param sender the envelope sender
   */
  record Expired(QueueId queue, String sender) implements MessageEvent {
    public Expired {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(sender, "sender");
    }
  }

  /**
   * A message's queue file was removed, requeued, held or released, by the queue manager or by an
   * administrator with postsuper.
   *
   * @param queue the message's queue ID
   * @param action what happened to it
   */
  record QueueAction(QueueId queue, Action action) implements MessageEvent {
    public QueueAction {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(action, "action");
    }

    /** What happened to the queue file. */
    public enum Action {
      REMOVED("removed"),
      REQUEUED("requeued"),
      HELD("placed on hold"),
      RELEASED("released from hold");

      private final String logText;

      Action(String logText) {
        this.logText = logText;
      }

      /** The words Postfix logs. */
      public String logText() {
        return logText;
      }

      static Optional<Action> fromLog(String text) {
        for (Action action : values()) {
          if (action.logText.equals(text)) {
            return Optional.of(action);
          }
        }
        return Optional.empty();
      }
    }
  }

  /**
   * The bounce daemon sent a notification about a message: {@code sender non-delivery notification:
   * QUEUEID}.
   *
   * @param queue the queue ID of the message the notification is about
   * @param notified who was notified: {@code sender} or {@code postmaster}
   * @param kind what kind of notification
   * @param notification the queue ID of the notification message itself
   */
  record BounceNotice(QueueId queue, String notified, Kind kind, QueueId notification)
      implements MessageEvent {
    public BounceNotice {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(notified, "notified");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(notification, "notification");
    }

    /** The kind of notification (RFC 3464 delivery status notifications and Postfix's own). */
    public enum Kind {
      NON_DELIVERY("non-delivery"),
      DELAY("delay"),
      DELIVERY_STATUS("delivery status");

      private final String logText;

      Kind(String logText) {
        this.logText = logText;
      }

      /** The words Postfix logs. */
      public String logText() {
        return logText;
      }

      static Optional<Kind> fromLog(String text) {
        for (Kind kind : values()) {
          if (kind.logText.equals(text)) {
            return Optional.of(kind);
          }
        }
        return Optional.empty();
      }
    }
  }
}
