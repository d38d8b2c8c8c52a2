package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.logs.TraceQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to follow in the logs, written as the CLI's {@code --trace} takes it: {@code <id>} is a
 * Message-ID, {@code a@b} an address, anything else a queue ID.
 */
final class TraceTargets {

  /** At most this many targets are followed. */
  static final int MAX = 50;

  private TraceTargets() {}

  static TraceQuery query(List<String> targets) {
    Set<String> queueIds = new HashSet<>();
    Set<String> addresses = new HashSet<>();
    Set<String> messageIds = new HashSet<>();
    for (String raw : targets.subList(0, Math.min(targets.size(), MAX))) {
      String value = raw.strip();
      if (value.startsWith("<") && value.endsWith(">") && value.length() > 2) {
        messageIds.add(value.substring(1, value.length() - 1));
      } else if (value.contains("@")) {
        addresses.add(value.startsWith("<") || value.endsWith(">") ? unbracket(value) : value);
      } else if (!value.isEmpty()) {
        queueIds.add(value);
      }
    }
    return new TraceQuery(queueIds, addresses, messageIds);
  }

  private static String unbracket(String value) {
    return value.replace("<", "").replace(">", "").strip();
  }
}
