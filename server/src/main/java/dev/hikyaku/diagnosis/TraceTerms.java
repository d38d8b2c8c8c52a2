package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.logs.TraceQuery;
import dev.hikyaku.shared.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person asked to trace, as typed: {@code <id@host>} is a Message-ID, {@code a@b} an
 * address, anything else a Postfix queue id — the same rule as {@code hikyaku logs --trace}.
 *
 * @param values the terms, at most {@value #MAX_TERMS}, each at most {@value #MAX_LENGTH}
 *     characters
 */
public record TraceTerms(List<String> values) {

  static final int MAX_TERMS = 20;
  static final int MAX_LENGTH = 998;

  public TraceTerms {
    values = FormValues.split(values).stream().distinct().toList();
    if (values.size() > MAX_TERMS) {
      throw new InvalidInputException(
          "trace", "diagnosis.trace-too-many", "at most " + MAX_TERMS + " terms", MAX_TERMS);
    }
    for (String value : values) {
      if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
        throw new InvalidInputException("trace", "diagnosis.trace-term", "not a term: " + value);
      }
    }
  }

  /** No terms: nothing to trace. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The kind of one term. */
  public enum Kind {
    MESSAGE_ID,
    ADDRESS,
    QUEUE_ID
  }

  /** What {@code value} is by its shape. */
  public static Kind kind(String value) {
    if (value.startsWith("<") && value.endsWith(">") && value.length() > 2) {
      return Kind.MESSAGE_ID;
    }
    return value.contains("@") ? Kind.ADDRESS : Kind.QUEUE_ID;
  }

  /** The query for the log analyzer. */
  public TraceQuery query() {
    Set<String> queueIds = new HashSet<>();
    Set<String> addresses = new HashSet<>();
    Set<String> messageIds = new HashSet<>();
    for (String value : values) {
      switch (kind(value)) {
        case MESSAGE_ID -> messageIds.add(value.substring(1, value.length() - 1));
        case ADDRESS -> addresses.add(value);
        case QUEUE_ID -> queueIds.add(value);
      }
    }
    return new TraceQuery(queueIds, addresses, messageIds);
  }
}
