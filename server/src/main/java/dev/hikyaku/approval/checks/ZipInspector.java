package dev.hikyaku.approval.checks;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.List;

/**
 * Opens a ZIP attachment: every entry's name is checked (a name is readable even when its content
 * is encrypted), encrypted entries are counted as PPAP, and the other entries are inflated within
 * the attachment's budget and checked like attachments of their own, nested archives to the
 * policy's depth. An Office Open XML file (xlsx, docx, pptx) is a ZIP too, and goes to {@link
 * OoxmlText}.
 */
final class ZipInspector {

  private ZipInspector() {}

  /** Inspects the ZIP {@code content} at {@code path}, found at archive depth {@code depth}. */
  static void inspect(Scan scan, String path, byte[] content, int depth) {
    CheckPolicy policy = scan.policy();
    ZipReader.Listing listing = ZipReader.list(content, policy.maxArchiveEntries());
    if (listing instanceof ZipReader.Listing.TooManyEntries tooMany) {
      String limit = String.valueOf(tooMany.limit());
      scan.report(
          path,
          Severity.BLOCKING,
          "attachment-archive-too-many-entries",
          List.of(limit),
          "An archive with more than " + limit + " entries, not inspected");
      return;
    }
    List<ZipReader.Entry> entries = ((ZipReader.Listing.Entries) listing).entries();
    if (OoxmlText.isOfficeDocument(entries)) {
      new OoxmlText(scan, path, content, entries, depth).scan();
      return;
    }
    if (depth >= policy.maxArchiveDepth()) {
      String limit = String.valueOf(policy.maxArchiveDepth());
      scan.report(
          path,
          Severity.BLOCKING,
          "attachment-archive-too-deep",
          List.of(limit),
          "An archive nested deeper than " + limit + " levels, not inspected");
      return;
    }
    int encrypted = 0;
    for (ZipReader.Entry entry : entries) {
      String entryPath = path + " > " + entry.name();
      if (entry.directory()) {
        continue;
      }
      if (entry.encrypted()) {
        encrypted++;
        scan.checkName(entryPath, entry.name());
        continue;
      }
      if (scan.budget().exceeded()) {
        scan.checkName(entryPath, entry.name()); // the name can still be checked
        continue;
      }
      encrypted += readEntry(scan, content, entry, entryPath, depth);
    }
    if (encrypted > 0) {
      String n = String.valueOf(encrypted);
      scan.report(
          path,
          policy.encryptedSeverity(),
          "attachment-encrypted-archive",
          List.of(n),
          "A password-protected ZIP with " + n + " encrypted entries (PPAP)");
    }
  }

  /** Reads and checks one entry; returns 1 if it turned out to be encrypted, else 0. */
  private static int readEntry(
      Scan scan, byte[] content, ZipReader.Entry entry, String entryPath, int depth) {
    ZipReader.Content read;
    try {
      read = ZipReader.read(content, entry, scan.budget(), true);
    } catch (MalformedFileException e) {
      scan.checkName(entryPath, entry.name());
      scan.report(
          entryPath,
          Severity.WARNING,
          "attachment-damaged",
          List.of("ZIP"),
          "A damaged ZIP entry (" + e.getMessage() + ")");
      return 0;
    }
    switch (read) {
      case ZipReader.Content.Bytes bytes ->
          scan.file(entryPath, entry.name(), null, bytes.data(), depth + 1);
      case ZipReader.Content.Encrypted e -> {
        scan.checkName(entryPath, entry.name());
        return 1;
      }
      case ZipReader.Content.OverBudget o -> {
        scan.checkName(entryPath, entry.name());
        scan.tooLarge(entryPath);
      }
      case ZipReader.Content.UnsupportedMethod m -> {
        scan.checkName(entryPath, entry.name());
        String format = "ZIP method " + m.method();
        scan.report(
            entryPath,
            Severity.WARNING,
            "attachment-uninspectable",
            List.of(format),
            "A ZIP entry compressed with method " + m.method() + ", not inspected");
      }
    }
    return 0;
  }
}
