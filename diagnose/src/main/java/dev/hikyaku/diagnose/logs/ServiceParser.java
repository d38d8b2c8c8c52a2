package dev.hikyaku.diagnose.logs;

import dev.hikyaku.mailauth.dns.IpLiterals;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SequencedMap;

/** Reads master's, anvil's and scache's lines. */
final class ServiceParser {

  private static final String STATISTICS = "statistics: ";
  private static final int MAX_METRIC_WORDS = 6;

  private ServiceParser() {}

  /** master: start, reload and termination; or null. */
  static PostfixEvent master(String text) {
    TextCursor cursor = new TextCursor(text);
    ServiceEvent.MasterStatus.Kind kind;
    if (cursor.skip("daemon started -- ")) {
      kind = ServiceEvent.MasterStatus.Kind.STARTED;
    } else if (cursor.skip("reload -- ")) {
      kind = ServiceEvent.MasterStatus.Kind.RELOADED;
    } else if (cursor.skip("terminating on signal ")) {
      OptionalInt signal = cursor.number();
      return signal.isPresent() && cursor.atEnd()
          ? new ServiceEvent.MasterStatus(
              ServiceEvent.MasterStatus.Kind.TERMINATING,
              Optional.empty(),
              Optional.empty(),
              signal)
          : null;
    } else {
      return null;
    }
    if (!cursor.skip("version ")) {
      return null;
    }
    String version = cursor.upTo(", configuration ");
    if (version == null || version.isEmpty()) {
      return null;
    }
    return new ServiceEvent.MasterStatus(
        kind, Optional.of(version), Optional.of(cursor.rest()), OptionalInt.empty());
  }

  /**
   * anvil: {@code statistics: max connection rate 1/60s for (smtpd:192.0.2.1) at Oct 26 18:13:50};
   * or null.
   */
  static PostfixEvent anvil(String text) {
    TextCursor cursor = new TextCursor(text);
    if (!cursor.skip(STATISTICS + "max ")) {
      return null;
    }
    StringBuilder metric = new StringBuilder();
    for (int words = 0; !TextCursor.isDigit(cursor.peek()); words++) {
      String word = cursor.word();
      if (word.isEmpty() || words == MAX_METRIC_WORDS || !cursor.skip(" ")) {
        return null;
      }
      metric.append(metric.isEmpty() ? "" : " ").append(word);
    }
    OptionalInt value = cursor.number();
    Optional<String> period = Optional.empty();
    if (cursor.skip("/")) {
      period = Optional.of(cursor.word());
    }
    Optional<String> service = Optional.empty();
    Optional<String> client = Optional.empty();
    if (cursor.skip(" for (")) {
      String key = cursor.upTo(')', 300);
      int split = key == null ? -1 : clientSplit(key);
      if (split < 0) {
        return null;
      }
      service = Optional.of(key.substring(0, split));
      client = Optional.of(key.substring(split + 1));
    }
    if (value.isEmpty() || metric.isEmpty() || !cursor.skip(" at ")) {
      return null;
    }
    return new ServiceEvent.AnvilStatistic(
        metric.toString(), value.getAsInt(), period, service, client, cursor.rest());
  }

  /**
   * Where anvil's {@code service:client} key splits. The service may hold colons itself (an inet
   * service such as {@code 127.0.0.1:2525}) and so may an IPv6 client, so the split is the first
   * colon after which an IP address (or {@code unknown}) follows; -1 if there is none.
   */
  private static int clientSplit(String key) {
    // An IP address is at most 45 characters, so only the last colons can start one.
    for (int i = Math.max(0, key.length() - 47); i < key.length(); i++) {
      if (key.charAt(i) == ':') {
        String client = key.substring(i + 1);
        if (i > 0 && (client.equals("unknown") || IpLiterals.tryParse(client).isPresent())) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * scache: {@code statistics: domain lookup hits=0 miss=1 success=0%}, {@code statistics: start
   * interval Dec 6 21:20:35}; or null.
   */
  static PostfixEvent scache(String text) {
    if (!text.startsWith(STATISTICS)) {
      return null;
    }
    String rest = text.substring(STATISTICS.length());
    if (rest.startsWith("start interval ")) {
      return new ServiceEvent.CacheStatistic(
          "start interval",
          new LinkedHashMap<>(),
          Optional.of(rest.substring("start interval ".length())));
    }
    String[] words = rest.split(" ", 32);
    StringBuilder subject = new StringBuilder();
    SequencedMap<String, Long> counters = new LinkedHashMap<>();
    for (String word : words) {
      int equals = word.indexOf('=');
      if (equals < 0 && counters.isEmpty()) {
        subject.append(subject.isEmpty() ? "" : " ").append(word);
        continue;
      }
      String figure = word.substring(equals + 1);
      figure = figure.endsWith("%") ? figure.substring(0, figure.length() - 1) : figure;
      OptionalLong number = QueueParser.number(Optional.of(figure));
      if (equals <= 0 || number.isEmpty()) {
        return null;
      }
      counters.put(word.substring(0, equals), number.getAsLong());
    }
    return subject.isEmpty() || counters.isEmpty()
        ? null
        : new ServiceEvent.CacheStatistic(subject.toString(), counters, Optional.empty());
  }
}
