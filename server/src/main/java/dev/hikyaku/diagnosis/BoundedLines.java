package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.logs.LogAnalyzer;
import dev.hikyaku.diagnose.logs.PostfixLogParser;
import java.io.IOException;
import java.io.Reader;

/**
 * Feeds an upload to the log analyzer line by line, never holding more than one line of at most
 * {@link PostfixLogParser#MAX_LINE_LENGTH} characters: a longer line (a binary file has none) is
 * handed over cut one character past the limit, which the parser counts as too long, and the rest
 * of it is skipped. {@code BufferedReader.readLine} would build the whole line first.
 */
final class BoundedLines {

  private static final int LIMIT = PostfixLogParser.MAX_LINE_LENGTH + 1;

  private BoundedLines() {}

  /**
   * Reads {@code reader} to its end, handing each line (without its terminator) to the analyzer.
   */
  static void feed(Reader reader, LogAnalyzer analyzer) throws IOException {
    char[] buffer = new char[1 << 16];
    StringBuilder line = new StringBuilder();
    boolean any = false;
    boolean afterCr = false;
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      for (int i = 0; i < n; i++) {
        char c = buffer[i];
        if (c == '\n') {
          if (!afterCr) {
            analyzer.accept(line.toString());
          }
          line.setLength(0);
          any = false;
          afterCr = false;
        } else if (c == '\r') {
          // A lone CR ends a line too (readLine's rule); CR LF ends it once.
          analyzer.accept(line.toString());
          line.setLength(0);
          any = false;
          afterCr = true;
        } else {
          afterCr = false;
          any = true;
          if (line.length() < LIMIT) {
            line.append(c);
          }
        }
      }
    }
    if (any) {
      analyzer.accept(line.toString());
    }
  }
}
