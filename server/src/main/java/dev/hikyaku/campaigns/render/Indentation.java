package dev.hikyaku.campaigns.render;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The line prefixes of the text derived from HTML: {@code "> "} per open blockquote, then per open
 * list either its item marker ({@code "- "}, {@code "1. "}) on an item's first line or as many
 * spaces on the lines after, so that wrapped items hang under their text.
 */
final class Indentation {

  /** One open list: ordered or not, and the number of its items so far. */
  private static final class ListLevel {
    final boolean ordered;
    int items;
    String marker = "";
    boolean markerPending;

    ListLevel(boolean ordered) {
      this.ordered = ordered;
    }
  }

  private final Deque<ListLevel> lists = new ArrayDeque<>();
  private int quoteDepth;

  boolean inList() {
    return !lists.isEmpty();
  }

  void openList(boolean ordered) {
    lists.push(new ListLevel(ordered));
  }

  void closeList() {
    if (!lists.isEmpty()) {
      lists.pop();
    }
  }

  /** Starts a list item; an item outside any list opens an unordered one. */
  void item() {
    ListLevel level = lists.peek();
    if (level == null) {
      level = new ListLevel(false);
      lists.push(level);
    }
    level.items++;
    level.marker = level.ordered ? level.items + ". " : "- ";
    level.markerPending = true;
  }

  void openQuote() {
    quoteDepth++;
  }

  void closeQuote() {
    quoteDepth = Math.max(0, quoteDepth - 1);
  }

  /** The quote prefix alone, for blank and preformatted lines. */
  String quote() {
    return "> ".repeat(quoteDepth);
  }

  /**
   * The prefix of a paragraph's first line (which takes a pending item marker) or of the lines
   * after it.
   */
  String prefix(boolean first) {
    StringBuilder prefix = new StringBuilder(quote());
    int innermost = lists.size() - 1;
    int level = 0;
    for (var it = lists.descendingIterator(); it.hasNext(); level++) {
      ListLevel list = it.next();
      if (level < innermost) {
        prefix.repeat(' ', Math.max(2, list.marker.length()));
      } else if (first && list.markerPending) {
        prefix.append(list.marker);
        list.markerPending = false;
      } else {
        prefix.repeat(' ', list.marker.length());
      }
    }
    return prefix.toString();
  }
}
