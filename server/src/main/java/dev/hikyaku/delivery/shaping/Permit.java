package dev.hikyaku.delivery.shaping;

import java.util.Objects;

/**
 * Leave to open one connection to a destination group and send up to {@link #messages()} messages
 * over it. Hold it while the connection is open and hand it back with {@link
 * DestinationGate#release}; until then it counts against the group's connections.
 *
 * @param domain the recipient domain it was asked for, normalised
 * @param group the budget it counts against
 * @param messages how many messages this connection may carry, at least 1: no more than were asked
 *     for, than the group's messages per connection, or than its rate allows now
 * @param serial tells permits apart, so releasing one twice is harmless
 */
public record Permit(String domain, ShapingGroup group, int messages, long serial) {

  public Permit {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(group, "group");
    if (messages < 1) {
      throw new IllegalArgumentException("a permit is for at least one message: " + messages);
    }
  }

  /** The group's limit of messages per connection, for the SMTP session. */
  public int maxMessagesPerConnection() {
    return group.rule().messagesPerConnection();
  }
}
