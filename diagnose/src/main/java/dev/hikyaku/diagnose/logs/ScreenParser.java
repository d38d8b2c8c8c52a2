package dev.hikyaku.diagnose.logs;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads postscreen's, tlsproxy's and dnsblog's lines, and the cache cleanups verify shares. */
final class ScreenParser {

  private ScreenParser() {}

  /** postscreen: connections, verdicts, violations, rejects and cache cleanups; or null. */
  static PostfixEvent postscreen(Optional<QueueId> queueId, boolean noQueue, String text) {
    if (queueId.isPresent() || noQueue) {
      return RejectParser.parse(queueId, text);
    }
    PostfixEvent connection = connection(text);
    if (connection != null) {
      return connection;
    }
    if (text.startsWith("cache ")) {
      return cacheCleanup(text);
    }
    TextCursor cursor = new TextCursor(text);
    String name = cursor.capitalWords();
    if (name.isEmpty() || !cursor.skip(" ")) {
      return null;
    }
    if (cursor.peek() == '[') {
      Optional<Peer> client = Peer.read(cursor);
      return client.isPresent() && cursor.atEnd()
          ? new ScreenEvent.Verdict(name, client.get())
          : null;
    }
    return violation(name, cursor);
  }

  /** {@code CONNECT from [ip]:port to [ip]:port} and {@code DISCONNECT [ip]:port}; or null. */
  static PostfixEvent connection(String text) {
    TextCursor cursor = new TextCursor(text);
    if (cursor.skip("CONNECT from ")) {
      Optional<Peer> client = Peer.read(cursor);
      if (client.isEmpty()) {
        return null;
      }
      Optional<Peer> server = Optional.empty();
      if (cursor.skip(" to ")) {
        server = Peer.read(cursor);
      }
      return cursor.atEnd() ? new ScreenEvent.Connected(client.get(), server) : null;
    }
    if (cursor.skip("DISCONNECT ")) {
      Optional<Peer> client = Peer.read(cursor);
      return client.isPresent() && cursor.atEnd()
          ? new ScreenEvent.Disconnected(client.get())
          : null;
    }
    return null;
  }

  /** dnsblog: {@code addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.2}; or null. */
  static PostfixEvent dnsblog(String text) {
    TextCursor cursor = new TextCursor(text);
    if (!cursor.skip("addr ")) {
      return null;
    }
    String address = cursor.word();
    if (!cursor.skip(" listed by domain ")) {
      return null;
    }
    String domain = cursor.word();
    if (!cursor.skip(" as ")) {
      return null;
    }
    String result = cursor.rest();
    return address.isEmpty() || domain.isEmpty()
        ? null
        : new ScreenEvent.DnsblListed(address, domain, result);
  }

  /** {@code cache btree:/path full cleanup: retained=242 dropped=7 entries}; or null. */
  static PostfixEvent cacheCleanup(String text) {
    int cleanup = text.lastIndexOf(" cleanup: retained=");
    int space = cleanup < 0 ? -1 : text.lastIndexOf(' ', cleanup - 1);
    if (space <= "cache ".length()) {
      return null;
    }
    String kind = text.substring(space + 1, cleanup);
    if (!kind.equals("full") && !kind.equals("partial")) {
      return null;
    }
    TextCursor cursor = new TextCursor(text, cleanup + " cleanup: retained=".length());
    OptionalInt retained = cursor.number();
    if (retained.isEmpty() || !cursor.skip(" dropped=")) {
      return null;
    }
    OptionalInt dropped = cursor.number();
    if (dropped.isEmpty() || !cursor.skip(" entries") || !cursor.atEnd()) {
      return null;
    }
    return new ServiceEvent.CacheCleanup(
        text.substring("cache ".length(), space),
        kind.equals("full"),
        retained.getAsInt(),
        dropped.getAsInt());
  }

  /**
   * {@code PREGREET 6 after 1.2 from [ip]:port: EHLO x}, {@code HANGUP after 63 from [ip]:port in
   * tests after SMTP handshake}, {@code DNSBL rank 3 for [ip]:port}, {@code COMMAND TIME LIMIT from
   * [ip]:port after RCPT}, {@code NON-SMTP COMMAND from [ip]:port after CONNECT: GET / HTTP/1.1}.
   */
  private static PostfixEvent violation(String name, TextCursor cursor) {
    OptionalInt rank = OptionalInt.empty();
    Optional<Duration> after = Optional.empty();
    if (cursor.skip("rank ")) {
      rank = cursor.number();
      if (rank.isEmpty() || !cursor.skip(" for ")) {
        return null;
      }
    } else {
      int mark = cursor.position();
      if (cursor.number().isPresent() && !cursor.skip(" ")) {
        cursor.moveTo(mark);
      }
      if (cursor.skip("after ")) {
        after = LogDurations.seconds(cursor.decimal());
        if (after.isEmpty() || !cursor.skip(" ")) {
          return null;
        }
      }
      if (!cursor.skip("from ")) {
        return null;
      }
    }
    Optional<Peer> client = Peer.read(cursor);
    if (client.isEmpty()) {
      return null;
    }
    Optional<String> stage = Optional.empty();
    if (cursor.skip(" after ")) {
      int start = cursor.position();
      String text = cursor.text();
      int end = start;
      while (end < text.length() && text.charAt(end) != ':' && text.charAt(end) != ' ') {
        end++;
      }
      stage = Optional.of(text.substring(start, end));
      cursor.moveTo(end);
    }
    String detail = "";
    if (cursor.skip(": ") || cursor.skip(" ")) {
      detail = cursor.rest();
    } else if (!cursor.atEnd()) {
      return null;
    }
    return new ScreenEvent.Violation(name, client.get(), after, rank, stage, detail);
  }
}
