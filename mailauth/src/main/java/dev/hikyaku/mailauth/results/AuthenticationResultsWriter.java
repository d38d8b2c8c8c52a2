package dev.hikyaku.mailauth.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes Authentication-Results (RFC 8601 §2.2) and ARC-Authentication-Results (RFC 8617 §4.1.1)
 * header fields, folded so that lines stay within 78 columns where the content allows.
 *
 * <p>The authserv-id goes on the first line and every result starts a new line. Values that are not
 * RFC 2045 tokens are quoted, except a pvalue of the form {@code [local-part]@domain}, which RFC
 * 8601 allows bare; reasons are always quoted. A quoted string or comment too long for a line is
 * folded at one of its own spaces, so unfolding restores it exactly; a run without spaces longer
 * than a line is left whole. The field is returned without the final CRLF.
 *
 * <p>No line exceeds the 998 octets of RFC 5322 §2.1.1 as long as no reason, comment or value has
 * more than 300 characters between two spaces: {@link MethodResults} caps what it puts in our own
 * results far below that, and every result starts on a line of its own.
 */
public final class AuthenticationResultsWriter {

  /** The field name of RFC 8601 §2.2. */
  public static final String FIELD_NAME = "Authentication-Results";

  /** The field name of RFC 8617 §4.1.1. */
  public static final String ARC_FIELD_NAME = "ARC-Authentication-Results";

  private static final int WIDTH = 78;
  private static final String FOLD = "\r\n\t";
  private static final int FOLD_COLUMN = 8;

  private AuthenticationResultsWriter() {}

  /** The complete {@code Authentication-Results:} field. */
  public static String field(AuthenticationResults results) {
    Folder out = new Folder(FIELD_NAME + ":");
    writePayload(out, results);
    return out.toString();
  }

  /** The complete {@code ARC-Authentication-Results: i=N;} field (RFC 8617 §4.1.1). */
  public static String arcField(int instance, AuthenticationResults results) {
    // RFC 8617 §4.2.1: instance values are 1 to 50.
    if (instance < 1 || instance > 50) {
      throw new IllegalArgumentException("ARC instance must be 1 to 50: " + instance);
    }
    Folder out = new Folder(ARC_FIELD_NAME + ":");
    out.word("i=" + instance + ";");
    writePayload(out, results);
    return out.toString();
  }

  private static void writePayload(Folder out, AuthenticationResults results) {
    String id = Syntax.value(results.authservId());
    String version = results.version().isPresent() ? " " + results.version().getAsInt() : "";
    if (results.results().isEmpty()) {
      out.word(id + version + "; none");
      return;
    }
    out.word(id + version + ";");
    for (int i = 0; i < results.results().size(); i++) {
      MethodResult result = results.results().get(i);
      boolean last = i == results.results().size() - 1;
      out.fold();
      writeResult(out, result, last ? "" : ";");
    }
  }

  private static void writeResult(Folder out, MethodResult result, String terminator) {
    StringBuilder spec = new StringBuilder(result.method());
    result.version().ifPresent(v -> spec.append('/').append(v));
    spec.append('=').append(result.result());
    List<String> pieces = new ArrayList<>();
    pieces.add(spec.toString());
    for (String comment : result.comments()) {
      pieces.add(Syntax.comment(comment));
    }
    result.reason().ifPresent(reason -> pieces.add("reason=" + Syntax.quote(reason)));
    for (Property property : result.properties()) {
      pieces.add(property.key() + "=" + Syntax.pvalue(property.value()));
    }
    int lastIndex = pieces.size() - 1;
    pieces.set(lastIndex, pieces.get(lastIndex) + terminator);
    for (String piece : pieces) {
      out.word(piece);
    }
  }

  /** Builds folded text: words separated by a space, or by a fold when the line is full. */
  private static final class Folder {
    private final StringBuilder text = new StringBuilder();
    private int column;
    private boolean lineStart;

    Folder(String start) {
      text.append(start);
      column = start.length();
    }

    void fold() {
      text.append(FOLD);
      column = FOLD_COLUMN;
      lineStart = true;
    }

    void word(String word) {
      if (!lineStart && column + 1 + word.length() > WIDTH) {
        fold();
      }
      if (!lineStart) {
        text.append(' ');
        column++;
      }
      lineStart = false;
      // A quoted string or comment may be folded before one of its own spaces (RFC 5322 §3.2.2,
      // §3.2.4); unfolding removes only the CRLF, so the space stays part of the content.
      int start = 0;
      while (column + (word.length() - start) > WIDTH) {
        int room = WIDTH - column;
        int space = word.lastIndexOf(' ', start + room - 1);
        if (space <= start) {
          // No space within the line: fold at the first one after it, so that only a run without
          // any space can make a line longer than it must be.
          space = word.indexOf(' ', start + 1);
          if (space < 0) {
            break;
          }
        }
        text.append(word, start, space).append("\r\n");
        column = 0;
        start = space;
      }
      text.append(word, start, word.length());
      column += word.length() - start;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
