package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a delivery agent handed a message, from {@code relay=}: a host with its address and port
 * ({@code mx1.example.com[192.0.2.1]:25}), a host with a UNIX socket ({@code
 * mail.example.com[private/dovecot-lmtp]}), or a bare transport name ({@code local}, {@code
 * virtual}, {@code none}).
 *
 * @param host the host or transport name
 * @param ip the IP address, for a network relay
 * @param socket the socket path, for a relay reached through a UNIX-domain socket
 * @param port the TCP port, if logged
 */
public record Relay(String host, Optional<String> ip, Optional<String> socket, OptionalInt port) {

  public Relay {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(port, "port");
    if (ip.isPresent() && socket.isPresent()) {
      throw new IllegalArgumentException("a relay has an IP address or a socket, not both");
    }
  }

  /** The relay {@code text} names; anything that is not {@code host[...]} is a transport name. */
  public static Relay parse(String text) {
    Objects.requireNonNull(text, "text");
    Optional<Peer> peer = Peer.parse(text);
    if (peer.isEmpty() || peer.get().hostname().isEmpty()) {
      return new Relay(text, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }
    Peer p = peer.get();
    // A slash cannot appear in an IP address; Postfix writes socket paths like private/lmtp.
    boolean socket = p.address().indexOf('/') >= 0;
    return new Relay(
        p.hostname().get(),
        socket ? Optional.empty() : Optional.of(p.address()),
        socket ? Optional.of(p.address()) : Optional.empty(),
        p.port());
  }

  /** Whether the message left over the network (rather than to a local transport or nowhere). */
  public boolean isNetwork() {
    return ip.isPresent();
  }

  @Override
  public String toString() {
    if (ip.isEmpty() && socket.isEmpty()) {
      return host;
    }
    return host
        + "["
        + ip.orElseGet(socket::orElseThrow)
        + "]"
        + (port.isPresent() ? ":" + port.getAsInt() : "");
  }
}
