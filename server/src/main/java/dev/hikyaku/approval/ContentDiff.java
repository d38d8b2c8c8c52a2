package dev.hikyaku.approval;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two versions of a subject's text, for the approver: what changed since the last
 * approved version. Common lines far from a change are folded.
 */
public final class ContentDiff {

  /** Beyond this many changed lines on each side the middle is shown as removed and added. */
  private static final int MAX_LCS = 2_000;

  private static final int CONTEXT = 2;

  /** One line of the diff. */
  public record Line(Kind kind, String text) {
    public enum Kind {
      SAME,
      ADDED,
      REMOVED,
      FOLDED
    }
  }

  private ContentDiff() {}

  public static List<Line> of(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix
        && suffix < b.length - prefix
        && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    List<Line> all = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      all.add(new Line(Line.Kind.SAME, a[i]));
    }
    middle(a, prefix, a.length - suffix, b, prefix, b.length - suffix, all);
    for (int i = a.length - suffix; i < a.length; i++) {
      all.add(new Line(Line.Kind.SAME, a[i]));
    }
    return fold(all);
  }

  public static boolean changed(List<Line> diff) {
    return diff.stream()
        .anyMatch(l -> l.kind() == Line.Kind.ADDED || l.kind() == Line.Kind.REMOVED);
  }

  private static void middle(
      String[] a, int a0, int a1, String[] b, int b0, int b1, List<Line> out) {
    int n = a1 - a0;
    int m = b1 - b0;
    if (n > MAX_LCS || m > MAX_LCS) {
      for (int i = a0; i < a1; i++) {
        out.add(new Line(Line.Kind.REMOVED, a[i]));
      }
      for (int j = b0; j < b1; j++) {
        out.add(new Line(Line.Kind.ADDED, b[j]));
      }
      return;
    }
    // Longest common subsequence, filled from the end so the walk below goes forwards.
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a[a0 + i].equals(b[b0 + j])
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[a0 + i].equals(b[b0 + j])) {
        out.add(new Line(Line.Kind.SAME, a[a0 + i]));
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.add(new Line(Line.Kind.ADDED, b[b0 + j]));
        j++;
      } else {
        out.add(new Line(Line.Kind.REMOVED, a[a0 + i]));
        i++;
      }
    }
  }

  private static List<Line> fold(List<Line> all) {
    boolean[] keep = new boolean[all.size()];
    for (int k = 0; k < all.size(); k++) {
      if (all.get(k).kind() != Line.Kind.SAME) {
        for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
          keep[c] = true;
        }
      }
    }
    List<Line> out = new ArrayList<>();
    int folded = 0;
    for (int k = 0; k < all.size(); k++) {
      if (keep[k]) {
        if (folded > 0) {
          out.add(new Line(Line.Kind.FOLDED, Integer.toString(folded)));
          folded = 0;
        }
        out.add(all.get(k));
      } else {
        folded++;
      }
    }
    if (folded > 0) {
      out.add(new Line(Line.Kind.FOLDED, Integer.toString(folded)));
    }
    return out;
  }
}
