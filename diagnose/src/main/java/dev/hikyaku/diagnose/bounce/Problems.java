package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.Excerpt;
import java.util.ArrayList;
import java.util.List;

/** The problems noted while reading one message, bounded in number and length. */
final class Problems {

  static final int MAX = 20;
  private static final int MAX_LENGTH = 200;

  private final List<String> notes = new ArrayList<>();
  private int dropped;

  /** A copy to note into, for an attempt whose notes are kept only if it succeeds. */
  Problems copy() {
    Problems copy = new Problems();
    copy.notes.addAll(notes);
    copy.dropped = dropped;
    return copy;
  }

  /** Notes {@code problem} unless it is already noted. */
  void add(String problem) {
    String note = Excerpt.of(problem, MAX_LENGTH);
    if (notes.contains(note)) {
      return;
    }
    if (notes.size() < MAX) {
      notes.add(note);
    } else {
      dropped++;
    }
  }

  /** The problems, with a last line counting those past the limit. */
  List<String> list() {
    if (dropped == 0) {
      return List.copyOf(notes);
    }
    List<String> out = new ArrayList<>(notes);
    out.add(dropped + " more problems not listed");
    return List.copyOf(out);
  }
}
