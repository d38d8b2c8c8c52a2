package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The other end of a connection as Postfix logs it: {@code host[address]}, {@code
 * host[address]:port}, or {@code [address]:port} where postscreen has no name yet.
 *
 * @param hostname the verified host name, {@code unknown} if it had none, or empty if not logged
 * @param address the IP address, or {@code unknown} when Postfix did not know it either
 * @param port the TCP port, if logged
 */
public record Peer(Optional<String> hostname, String address, OptionalInt port) {

  public Peer {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(port, "port");
    if (address.isEmpty()) {
      throw new IllegalArgumentException("a peer needs an address");
    }
  }

  /** The peer that {@code text} consists of, or empty if it is not one. */
  public static Optional<Peer> parse(String text) {
    TextCursor cursor = new TextCursor(text);
    Optional<Peer> peer = read(cursor);
    return cursor.atEnd() ? peer : Optional.empty();
  }

  /** Whether Postfix knew the address (it logs {@code unknown[unknown]} when it did not). */
  public boolean addressKnown() {
    return !address.equals("unknown");
  }

  /**
   * Reads a peer at the cursor, moving past it; empty, without moving, if none is there. The name
   * stops at {@code [}, the address at {@code ]}; a colon and digits after that are the port.
   */
  static Optional<Peer> read(TextCursor cursor) {
    String text = cursor.text();
    int start = cursor.position();
    int open = start;
    while (open < text.length() && text.charAt(open) != '[') {
      char c = text.charAt(open);
      if (c == ' ' || c == ']' || c == ';' || c == ',') {
        return Optional.empty();
      }
      open++;
    }
    int close = open + 1;
    while (close < text.length() && text.charAt(close) != ']') {
      char c = text.charAt(close);
      if (c == ' ' || c == '[') {
        return Optional.empty();
      }
      close++;
    }
    if (open >= text.length() || close >= text.length() || close == open + 1) {
      return Optional.empty();
    }
    Optional<String> hostname =
        open == start ? Optional.empty() : Optional.of(text.substring(start, open));
    String address = text.substring(open + 1, close);
    cursor.moveTo(close + 1);
    OptionalInt port = OptionalInt.empty();
    if (cursor.peek() == ':') {
      cursor.skip(":");
      port = cursor.number();
      if (port.isEmpty()) {
        cursor.moveTo(close + 1);
      }
    }
    return Optional.of(new Peer(hostname, address, port));
  }

  @Override
  public String toString() {
    return hostname.orElse("")
        + "["
        + address
        + "]"
        + (port.isPresent() ? ":" + port.getAsInt() : "");
  }
}
