package dev.hikyaku.approval;

import java.util.regex.Pattern;

/**
 * What a request is about: a kind ({@code campaign}) and that kind's id.
 *
 * @param kind lower-case letters and hyphens, as in {@link ApprovalSubject#kind()}
 */
public record SubjectRef(String kind, long id) {

  private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,15}");

  public SubjectRef {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("not a subject kind: " + kind);
    }
  }

  /** The operation log's target form, e.g. {@code campaign:12}. */
  public String target() {
    return kind + ":" + id;
  }
}
