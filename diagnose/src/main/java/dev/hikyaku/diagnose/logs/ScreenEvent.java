package dev.hikyaku.diagnose.logs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * postscreen screening a client before smtpd sees it, with its DNSBL helper dnsblog; tlsproxy logs
 * the same {@code CONNECT} and {@code DISCONNECT} lines.
 */
public sealed interface ScreenEvent extends PostfixEvent
    permits ScreenEvent.Connected,
        ScreenEvent.Disconnected,
        ScreenEvent.Verdict,
        ScreenEvent.Violation,
        ScreenEvent.DnsblListed {

  /**
   * {@code CONNECT from [ip]:port to [ip]:port}.
   *
   * @param client the client
   * @param server the local address it connected to (postscreen only)
   */
  record Connected(Peer client, Optional<Peer> server) implements ScreenEvent {
    public Connected {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(server, "server");
    }
  }

  /**
   * {@code DISCONNECT [ip]:port}.
   *
   * @param client the client
   */
  record Disconnected(Peer client) implements ScreenEvent {
    public Disconnected {
      Objects.requireNonNull(client, "client");
    }
  }

  /**
   * postscreen decided about a client: {@code PASS OLD}, {@code PASS NEW}, {@code ALLOWLISTED},
   * {@code DENYLISTED}, {@code ALLOWLIST VETO} (or the older {@code WHITELISTED}, ...).
   *
   * @param verdict the verdict as logged
   * @param client the client
   */
  record Verdict(String verdict, Peer client) implements ScreenEvent {
    public Verdict {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(client, "client");
    }
  }

  /**
   * A client broke a postscreen test: {@code PREGREET 6 after 1.2 from [ip]:port: EHLO x}, {@code
   * HANGUP after 63 from ...}, {@code DNSBL rank 3 for ...}, {@code COMMAND TIME LIMIT from ...
   * after RCPT}, {@code NON-SMTP COMMAND from ...}, {@code BARE NEWLINE from ...}.
   *
   * @param violation the test, as logged
   * @param client the client
   * @param after how long after the connection it happened
   * @param dnsblRank the combined DNSBL score, for {@code DNSBL}
   * @param stage the SMTP stage, for violations logged {@code after} a command
   * @param detail the rest: what the client sent, or where in the tests it was
   */
  record Violation(
      String violation,
      Peer client,
      Optional<Duration> after,
      OptionalInt dnsblRank,
      Optional<String> stage,
      String detail)
      implements ScreenEvent {
    public Violation {
      Objects.requireNonNull(violation, "violation");
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(dnsblRank, "dnsblRank");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * dnsblog: {@code addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.2}.
   *
   * @param address the client address that was looked up
   * @param dnsblDomain the DNSBL zone that lists it
   * @param result the address the DNSBL answered
   */
  record DnsblListed(String address, String dnsblDomain, String result) implements ScreenEvent {
    public DnsblListed {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(dnsblDomain, "dnsblDomain");
      Objects.requireNonNull(result, "result");
    }
  }
}
