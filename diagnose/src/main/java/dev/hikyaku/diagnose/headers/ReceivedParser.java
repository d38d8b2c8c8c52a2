package dev.hikyaku.diagnose.headers;

import dev.hikyaku.diagnose.Excerpt;
import dev.hikyaku.diagnose.headers.StampTokens.Token;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Received field into its clauses (RFC 5321 §4.4: {@code from}, {@code by}, {@code via},
 * {@code with}, {@code id}, {@code for}) and its date-time. It is total: any text gives a {@link
 * ReceivedField}, with what could not be read in its problems.
 */
final class ReceivedParser {

  /** At most this many problems are kept per field; a hostile field has no more to tell. */
  static final int MAX_PROBLEMS = 10;

  private static final int MAX_WORD = 255;
  private static final int MAX_WITH_WORDS = 4;

  /** The clauses of RFC 5321 §4.4's Stamp, in their usual order. */
  private enum Clause {
    FROM,
    BY,
    VIA,
    WITH,
    ID,
    FOR
  }

  /** The words and comments of one clause, or of the text before the first clause. */
  private static final class Part {
    final List<String> words = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    int wordsBeforeComment = -1;

    Optional<String> first() {
      return words.isEmpty() ? Optional.empty() : Optional.of(Excerpt.of(words.get(0), MAX_WORD));
    }

    /** The words before the first comment, joined: {@code Microsoft SMTP Server}. */
    Optional<String> phrase() {
      int end = wordsBeforeComment < 0 ? words.size() : wordsBeforeComment;
      end = Math.min(Math.max(end, Math.min(1, words.size())), MAX_WITH_WORDS);
      return end == 0
          ? Optional.empty()
          : Optional.of(Excerpt.of(String.join(" ", words.subList(0, end)), MAX_WORD));
    }
  }

  private ReceivedParser() {}

  static ReceivedField parse(String value) {
    String raw = value == null ? "" : value;
    List<String> problems = new ArrayList<>();
    StampTokens.Split split = StampTokens.split(raw);
    List<Token> tokens = StampTokens.tokens(split.stamp(), problems);
    Part leading = new Part();
    Map<Clause, Part> clauses = new EnumMap<>(Clause.class);
    List<String> comments = new ArrayList<>();
    Part current = leading;
    for (Token token : tokens) {
      if (token.comment()) {
        comments.add(token.text());
        if (current.wordsBeforeComment < 0) {
          current.wordsBeforeComment = current.words.size();
        }
        current.comments.add(token.text());
        continue;
      }
      Clause clause = keyword(token.text());
      if (clause == null) {
        current.words.add(token.text());
      } else if (clauses.containsKey(clause)) {
        note(problems, "'" + token.text() + "' clause given again; the first is used");
        current = new Part();
      } else {
        current = new Part();
        clauses.put(clause, current);
      }
    }
    Part none = new Part();
    Part from = clauses.getOrDefault(Clause.FROM, none);
    Part by = clauses.getOrDefault(Clause.BY, none);
    Part with = clauses.getOrDefault(Clause.WITH, none);
    Part id = clauses.getOrDefault(Clause.ID, none);
    if (!leading.words.isEmpty()) {
      note(problems, "text before the first clause: " + Excerpt.of(leading.words.get(0), 40));
    }
    for (Map.Entry<Clause, Part> clause : clauses.entrySet()) {
      checkWords(clause.getKey(), clause.getValue(), problems);
    }
    Optional<String> withPhrase = with.phrase();
    Mta mta = MtaStyle.detect(comments, leading.comments, by.first(), withPhrase, from.comments);
    boolean local = withPhrase.map(w -> Protocol.of(w).kind() == Protocol.Kind.LOCAL).orElse(false);
    SendingHost sender = SendingHost.read(from.first(), from.comments, mta, local);
    Optional<OffsetDateTime> date = date(split, problems);
    return new ReceivedField(
        raw,
        from.first(),
        sender.hostName(),
        sender.address(),
        sender.helo(),
        by.first(),
        clauses.getOrDefault(Clause.VIA, none).phrase(),
        withPhrase,
        id.first(),
        clauses.getOrDefault(Clause.FOR, none).first().map(ReceivedParser::stripAngles),
        TlsComments.find(comments, with.words),
        mta,
        date,
        problems);
  }

  /** Adds {@code problem} unless {@link #MAX_PROBLEMS} are already noted. */
  static void note(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }

  private static Clause keyword(String word) {
    if (word.length() > 4) {
      return null;
    }
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "from" -> Clause.FROM;
      case "by" -> Clause.BY;
      case "via" -> Clause.VIA;
      case "with" -> Clause.WITH;
      case "id" -> Clause.ID;
      case "for" -> Clause.FOR;
      default -> null;
    };
  }

  /** A clause without a value, or with words where RFC 5321 §4.4 allows only one, is noted. */
  private static void checkWords(Clause clause, Part part, List<String> problems) {
    String name = clause.name().toLowerCase(Locale.ROOT);
    if (part.words.isEmpty()) {
      note(problems, "'" + name + "' without a value");
    } else if (part.words.size() > 1 && (clause == Clause.FROM || clause == Clause.BY)) {
      note(problems, "unexpected text after '" + name + " " + part.first().orElseThrow() + "'");
    }
  }

  private static Optional<OffsetDateTime> date(StampTokens.Split split, List<String> problems) {
    if (!split.hasDate()) {
      note(problems, "no ';' and date-time at the end");
      return Optional.empty();
    }
    return switch (MailDate.parse(split.date())) {
      case DateParse.Parsed parsed -> Optional.of(parsed.value());
      case DateParse.Invalid invalid -> {
        note(problems, "date-time: " + invalid.problem());
        yield Optional.empty();
      }
    };
  }

  private static String stripAngles(String address) {
    if (address.length() >= 2 && address.startsWith("<") && address.endsWith(">")) {
      return address.substring(1, address.length() - 1);
    }
    return address;
  }
}
