package dev.hikyaku.delivery.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * How sessions are opened and how long each step may take. Immutable; build with {@link
 * #builder(String)}, whose Javadoc lists the defaults.
 *
 * <p>The timeouts of RFC 5321 §4.5.3.2 are per reply: a server that trickles a reply byte by byte
 * still times out. A write that makes no progress for {@link #dataBlockTimeout()} (the server stops
 * reading) closes the connection too.
 *
 * @param ehloName this host's name for EHLO/HELO: a DNS name or an address literal
 * @param tlsMode what STARTTLS must achieve
 * @param connectTimeout for the TCP connection
 * @param greetingTimeout for the 220 greeting (RFC 5321 §4.5.3.2.1: 5 minutes)
 * @param commandTimeout for the replies to EHLO, HELO, STARTTLS (and the handshake), AUTH and RSET,
 *     which RFC 5321 does not time; 5 minutes like MAIL
 * @param mailTimeout for the reply to MAIL (§4.5.3.2.2: 5 minutes)
 * @param rcptTimeout for the reply to each RCPT (§4.5.3.2.3: 5 minutes)
 * @param dataInitiationTimeout for the 354 reply to DATA (§4.5.3.2.4: 2 minutes)
 * @param dataBlockTimeout for each write to the server to make progress (§4.5.3.2.5: 3 minutes)
 * @param dataTerminationTimeout for the reply to the end-of-data dot (§4.5.3.2.6: 10 minutes)
 * @param quitTimeout for the reply to QUIT when closing; nothing depends on it
 * @param maxMessagesPerConnection transactions per session before {@link SmtpSession#isUsable()}
 *     turns false
 * @param maxReplyLineLength the longest reply line accepted, in octets with CRLF; RFC 5321
 *     §4.5.3.1.5 allows 512, real servers sometimes exceed it; longer lines end the session
 * @param plaintextAuthOnLoopback allow AUTH without TLS when the server is on a loopback address;
 *     for tests only, credentials are otherwise only sent over TLS
 */
public record SmtpSettings(
    String ehloName,
    TlsMode tlsMode,
    Duration connectTimeout,
    Duration greetingTimeout,
    Duration commandTimeout,
    Duration mailTimeout,
    Duration rcptTimeout,
    Duration dataInitiationTimeout,
    Duration dataBlockTimeout,
    Duration dataTerminationTimeout,
    Duration quitTimeout,
    int maxMessagesPerConnection,
    int maxReplyLineLength,
    boolean plaintextAuthOnLoopback) {

  public SmtpSettings {
    ehloName = HostNames.ehloName(ehloName);
    Objects.requireNonNull(tlsMode, "tlsMode");
    positive(connectTimeout, "connectTimeout");
    positive(greetingTimeout, "greetingTimeout");
    positive(commandTimeout, "commandTimeout");
    positive(mailTimeout, "mailTimeout");
    positive(rcptTimeout, "rcptTimeout");
    positive(dataInitiationTimeout, "dataInitiationTimeout");
    positive(dataBlockTimeout, "dataBlockTimeout");
    positive(dataTerminationTimeout, "dataTerminationTimeout");
    positive(quitTimeout, "quitTimeout");
    if (maxMessagesPerConnection < 1) {
      throw new IllegalArgumentException("maxMessagesPerConnection must be at least 1");
    }
    if (maxReplyLineLength < 512 || maxReplyLineLength > 1 << 20) {
      throw new IllegalArgumentException("maxReplyLineLength must be 512 to 1048576 octets");
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    // Socket timeouts are int milliseconds.
    if (d.isNegative() || d.isZero() || d.toMillis() < 1 || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be from 1 ms to 24 days: " + d);
    }
  }

  /**
   * A builder. Defaults: TLS {@link TlsMode#REQUIRED} (fail closed; delivery to MX hosts without
   * MTA-STS or DANE chooses {@link TlsMode#OPPORTUNISTIC}), connect 30 s, greeting, commands, MAIL
   * and RCPT 5 min, DATA initiation 2 min, data block 3 min, DATA termination 10 min, QUIT 30 s,
   * 100 messages per connection, reply lines up to 4096 octets, no AUTH without TLS.
   *
   * @param ehloName this host's name, e.g. the FQDN its IP address resolves to
   */
  public static Builder builder(String ehloName) {
    return new Builder(ehloName);
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder(ehloName);
    b.tlsMode = tlsMode;
    b.connectTimeout = connectTimeout;
    b.greetingTimeout = greetingTimeout;
    b.commandTimeout = commandTimeout;
    b.mailTimeout = mailTimeout;
    b.rcptTimeout = rcptTimeout;
    b.dataInitiationTimeout = dataInitiationTimeout;
    b.dataBlockTimeout = dataBlockTimeout;
    b.dataTerminationTimeout = dataTerminationTimeout;
    b.quitTimeout = quitTimeout;
    b.maxMessagesPerConnection = maxMessagesPerConnection;
    b.maxReplyLineLength = maxReplyLineLength;
    b.plaintextAuthOnLoopback = plaintextAuthOnLoopback;
    return b;
  }

  /** Builds {@link SmtpSettings}; each setter documents the component it sets. */
  public static final class Builder {
    private String ehloName;
    private TlsMode tlsMode = TlsMode.REQUIRED;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration greetingTimeout = Duration.ofMinutes(5);
    private Duration commandTimeout = Duration.ofMinutes(5);
    private Duration mailTimeout = Duration.ofMinutes(5);
    private Duration rcptTimeout = Duration.ofMinutes(5);
    private Duration dataInitiationTimeout = Duration.ofMinutes(2);
    private Duration dataBlockTimeout = Duration.ofMinutes(3);
    private Duration dataTerminationTimeout = Duration.ofMinutes(10);
    private Duration quitTimeout = Duration.ofSeconds(30);
    private int maxMessagesPerConnection = 100;
    private int maxReplyLineLength = 4096;
    private boolean plaintextAuthOnLoopback;

    private Builder(String ehloName) {
      this.ehloName = ehloName;
    }

    /** See {@link SmtpSettings#ehloName()}. */
    public Builder ehloName(String value) {
      ehloName = value;
      return this;
    }

    /** See {@link SmtpSettings#tlsMode()}. */
    public Builder tlsMode(TlsMode value) {
      tlsMode = value;
      return this;
    }

    /** See {@link SmtpSettings#connectTimeout()}. */
    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#greetingTimeout()}. */
    public Builder greetingTimeout(Duration value) {
      greetingTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#commandTimeout()}. */
    public Builder commandTimeout(Duration value) {
      commandTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#mailTimeout()}. */
    public Builder mailTimeout(Duration value) {
      mailTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#rcptTimeout()}. */
    public Builder rcptTimeout(Duration value) {
      rcptTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#dataInitiationTimeout()}. */
    public Builder dataInitiationTimeout(Duration value) {
      dataInitiationTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#dataBlockTimeout()}. */
    public Builder dataBlockTimeout(Duration value) {
      dataBlockTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#dataTerminationTimeout()}. */
    public Builder dataTerminationTimeout(Duration value) {
      dataTerminationTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#quitTimeout()}. */
    public Builder quitTimeout(Duration value) {
      quitTimeout = value;
      return this;
    }

    /** Sets every timeout to {@code value}; for tests against local peers. */
    public Builder allTimeouts(Duration value) {
      connectTimeout = value;
      greetingTimeout = value;
      commandTimeout = value;
      mailTimeout = value;
      rcptTimeout = value;
      dataInitiationTimeout = value;
      dataBlockTimeout = value;
      dataTerminationTimeout = value;
      quitTimeout = value;
      return this;
    }

    /** See {@link SmtpSettings#maxMessagesPerConnection()}. */
    public Builder maxMessagesPerConnection(int value) {
      maxMessagesPerConnection = value;
      return this;
    }

    /** See {@link SmtpSettings#maxReplyLineLength()}. */
    public Builder maxReplyLineLength(int value) {
      maxReplyLineLength = value;
      return this;
    }

    /** See {@link SmtpSettings#plaintextAuthOnLoopback()}. */
    public Builder plaintextAuthOnLoopback(boolean value) {
      plaintextAuthOnLoopback = value;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public SmtpSettings build() {
      return new SmtpSettings(
          ehloName,
          tlsMode,
          connectTimeout,
          greetingTimeout,
          commandTimeout,
          mailTimeout,
          rcptTimeout,
          dataInitiationTimeout,
          dataBlockTimeout,
          dataTerminationTimeout,
          quitTimeout,
          maxMessagesPerConnection,
          maxReplyLineLength,
          plaintextAuthOnLoopback);
    }
  }
}
