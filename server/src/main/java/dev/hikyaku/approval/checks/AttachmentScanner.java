package dev.hikyaku.approval.checks;

import java.util.List;
import java.util.Objects;

/**
 * Checks one attachment before it is sent: its name (blocked types, disguised names), its type by
 * content (programs under another name, encrypted archives and documents, archives that cannot be
 * opened), the entries of ZIP archives to the policy's depth, and the text of CSV, TSV, text and
 * Office files for address lists and personal data.
 *
 * <p>Safe on hostile input: archive sizes are counted as they inflate, never taken from the file,
 * and a file that does not follow its format is a finding, not an exception.
 */
public final class AttachmentScanner {

  private final CheckPolicy policy;

  public AttachmentScanner(CheckPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * The findings for one attachment, blocking first, otherwise in the order found.
   *
   * @param fileName the attachment's file name as the recipient will see it
   * @param mediaType its declared media type, or null; a {@code text/*} type makes a file with an
   *     unknown extension be read as text
   * @param content the whole file
   */
  public List<Finding> scan(String fileName, String mediaType, byte[] content) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(content, "content");
    if (fileName.isBlank()) {
      throw new IllegalArgumentException("an attachment needs a file name");
    }
    Scan scan = new Scan(policy);
    scan.file(fileName, fileName, mediaType, content, 0);
    return scan.findings();
  }
}
