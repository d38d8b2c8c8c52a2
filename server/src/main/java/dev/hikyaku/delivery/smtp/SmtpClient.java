package dev.hikyaku.delivery.smtp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens SMTP sessions (RFC 5321) to relays and MX hosts with the given settings and trusted CAs.
 * Immutable and thread-safe; holds no connections itself. Which hosts to try, in which order, and
 * when to retry is the caller's business.
 */
public final class SmtpClient {

  private final SmtpSettings settings;
  private final TlsTrust trust;

  /** A client trusting the JDK's CAs. */
  public SmtpClient(SmtpSettings settings) {
    this(settings, TlsTrust.systemDefault());
  }

  /** A client trusting the CAs of {@code trust}. */
  public SmtpClient(SmtpSettings settings, TlsTrust trust) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.trust = Objects.requireNonNull(trust, "trust");
  }

  /** The settings every session of this client uses. */
  public SmtpSettings settings() {
    return settings;
  }

  /** Opens a session without AUTH and without a transcript; see the full form. */
  public SessionOpening open(InetSocketAddress address, String serverName) {
    return open(address, serverName, Optional.empty(), SmtpTranscript.none());
  }

  /**
   * Connects to {@code address}, reads the greeting, says EHLO, does STARTTLS as the {@link
   * TlsMode} demands and AUTH if credentials are given. Never throws for anything the server or the
   * network does: every failure is a {@link SessionOpening.Failed}.
   *
   * @param address a resolved address, e.g. of the MX host or the relay
   * @param serverName the host name the certificate must carry (the MX or relay name), also for
   *     SNI; an IP literal only if the server is known by its address
   * @param credentials for AUTH; only sent over TLS (or to loopback when the settings allow it)
   * @param transcript receives the session's lines, without credentials
   * @throws IllegalArgumentException if the address is unresolved or the name is not a host name
   */
  public SessionOpening open(
      InetSocketAddress address,
      String serverName,
      Optional<SmtpCredentials> credentials,
      SmtpTranscript transcript) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(transcript, "transcript");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("address must be resolved: " + address);
    }
    String name = HostNames.serverName(serverName);
    return new SessionSetup(settings, trust, address, name, credentials, transcript).open();
  }
}
