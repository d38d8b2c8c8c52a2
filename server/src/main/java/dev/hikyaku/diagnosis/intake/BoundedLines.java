package dev.hikyaku.diagnosis.intake;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * Reads lines of at most {@code max} characters: a longer line (a log of garbage without line
 * breaks, say) is skipped to its end and counted instead of being built in memory, which {@link
 * java.io.BufferedReader#readLine()} would do.
 */
final class BoundedLines {

  private final Reader in;
  private final int max;
  private final char[] buffer = new char[1 << 16];
  private int pos;
  private int end;
  private long tooLong;

  BoundedLines(Reader in, int max) {
    this.in = Objects.requireNonNull(in, "in");
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    this.max = max;
  }

  /** The next line without its terminator, or null at the end. */
  String next() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean skipping = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        end = Math.max(in.read(buffer), 0);
        pos = 0;
        if (end == 0) {
          return any ? finish(line, skipping) : null;
        }
      }
      any = true;
      int newline = pos;
      while (newline < end && buffer[newline] != '\n') {
        newline++;
      }
      if (!skipping) {
        line.append(buffer, pos, newline - pos);
        if (line.length() > max) {
          skipping = true;
          line.setLength(0);
        }
      }
      if (newline < end) {
        pos = newline + 1;
        return finish(line, skipping);
      }
      pos = end;
    }
  }

  private String finish(StringBuilder line, boolean skipped) {
    if (skipped) {
      tooLong++;
      return "";
    }
    return line.toString();
  }

  /** How many lines were longer than the limit and skipped. */
  long tooLong() {
    return tooLong;
  }
}
