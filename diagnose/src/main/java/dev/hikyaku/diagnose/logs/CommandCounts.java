package dev.hikyaku.diagnose.logs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The SMTP command statistics smtpd logs on disconnect (Postfix 3.0 and later), as in {@code ehlo=2
 * starttls=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=5/7}.
 *
 * @param commands per command (lower case, in log order), how many were accepted and sent
 * @param total all commands, from {@code commands=}
 * @param raw the text they were read from
 */
public record CommandCounts(SequencedMap<String, Count> commands, Count total, String raw) {

  /**
   * How many of one command the client sent and how many succeeded; Postfix writes {@code n} when
   * all succeeded and {@code ok/sent} otherwise.
   *
   * @param accepted how many succeeded
   * @param sent how many the client sent
   */
  public record Count(int accepted, int sent) {
    public Count {
      if (accepted < 0 || sent < accepted) {
        throw new IllegalArgumentException("need 0 <= accepted <= sent: " + accepted + "/" + sent);
      }
    }

    static Optional<Count> parse(String text) {
      TextCursor cursor = new TextCursor(text);
      var first = cursor.number();
      if (first.isEmpty()) {
        return Optional.empty();
      }
      if (cursor.atEnd()) {
        return Optional.of(new Count(first.getAsInt(), first.getAsInt()));
      }
      if (!cursor.skip("/")) {
        return Optional.empty();
      }
      var second = cursor.number();
      if (second.isEmpty() || !cursor.atEnd() || second.getAsInt() < first.getAsInt()) {
        return Optional.empty();
      }
      return Optional.of(new Count(first.getAsInt(), second.getAsInt()));
    }
  }

  public CommandCounts {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(raw, "raw");
    commands = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(commands));
  }

  /** The statistics in {@code text}, which must end with {@code commands=}, or empty. */
  public static Optional<CommandCounts> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    SequencedMap<String, Count> commands = new LinkedHashMap<>();
    Count total = null;
    for (String item : text.split(" ", 64)) {
      int equals = item.indexOf('=');
      Optional<Count> count =
          equals > 0 ? Count.parse(item.substring(equals + 1)) : Optional.empty();
      if (count.isEmpty() || total != null) {
        return Optional.empty();
      }
      String name = item.substring(0, equals);
      if (name.equals("commands")) {
        total = count.get();
      } else {
        commands.put(name, count.get());
      }
    }
    return total == null ? Optional.empty() : Optional.of(new CommandCounts(commands, total, text));
  }
}
