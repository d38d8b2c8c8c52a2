package dev.hikyaku.approval.checks;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scan of one attachment: what it found so far, the inflate budget its archives share, and the
 * dispatch of each file in it (the attachment itself, an archive entry, an embedded object) to the
 * checks for its type.
 */
final class Scan {

  private static final Set<String> TEXT_EXTENSIONS =
      Set.of("csv", "tsv", "tab", "txt", "text", "prn", "dat", "log", "md");
  private static final Set<String> FREE_TEXT_EXTENSIONS =
      Set.of("vcf", "ldif", "json", "xml", "htm", "html", "eml", "ics");

  private final CheckPolicy policy;
  private final Findings findings = new Findings();
  private final InflateBudget budget;
  private boolean tooLargeReported;

  Scan(CheckPolicy policy) {
    this.policy = policy;
    this.budget = new InflateBudget(policy.maxInflatedBytes());
  }

  CheckPolicy policy() {
    return policy;
  }

  InflateBudget budget() {
    return budget;
  }

  List<Finding> findings() {
    return findings.list();
  }

  /**
   * Checks the file at {@code path} (names inside archives joined by {@code " > "}), called {@code
   * entryName} in its archive (or the attachment's name), found at archive depth {@code depth} (0
   * for the attachment itself).
   */
  void file(String path, String entryName, String mediaType, byte[] content, int depth) {
    String name = FileNames.baseName(entryName);
    String extension = FileNames.extension(name);
    checkName(path, name, extension);
    FileSignature signature = FileSignature.of(content, extension);
    try {
      switch (signature) {
        case ZIP -> ZipInspector.inspect(this, path, content, depth);
        case OLE -> compoundFile(path, content, extension);
        case WINDOWS_PROGRAM, LINUX_PROGRAM -> {
          if (!policy.blocks(extension)) {
            report(
                path,
                Severity.BLOCKING,
                "attachment-executable-content",
                List.of(),
                "A " + signature.format() + " program under another name");
          }
        }
        case OTHER -> text(path, mediaType, content, extension);
        default ->
            report(
                path,
                Severity.WARNING,
                "attachment-uninspectable",
                List.of(signature.format()),
                "An archive (" + signature.format() + ") that is not inspected");
      }
    } catch (MalformedFileException e) {
      String format = signature == FileSignature.OTHER ? extension : signature.format();
      report(
          path,
          Severity.WARNING,
          "attachment-damaged",
          List.of(format),
          "A damaged " + format + " file (" + e.getMessage() + ")");
    }
  }

  /** Adds a finding about the file at {@code path}; {@code what} is a sentence without its end. */
  void report(String path, Severity severity, String code, List<String> args, String what) {
    String location = Locations.attachment(path);
    findings.add(path, new Finding(severity, code, location, args, what + " at " + location + "."));
  }

  /** Reports, once per attachment, that its archives inflate beyond the policy's limit. */
  void tooLarge(String path) {
    if (tooLargeReported) {
      return;
    }
    tooLargeReported = true;
    String megabytes = String.valueOf((policy.maxInflatedBytes() + (1 << 20) - 1) >> 20);
    report(
        path,
        Severity.BLOCKING,
        "attachment-archive-too-large",
        List.of(megabytes),
        "Archives inflating beyond " + megabytes + " MB, the rest not inspected");
  }

  /** Counts personal data at {@code path}; the caller feeds it and then calls {@link #emit}. */
  Tally tally() {
    return new Tally(policy, false);
  }

  void emit(Tally tally, String path) {
    tally.emit(findings, path);
  }

  /** What locations inside the file at {@code path} start with. */
  static String prefix(String path) {
    return Locations.attachment(path) + ", ";
  }

  /** Checks only the name of the file at {@code path}: its content is encrypted or unread. */
  void checkName(String path, String entryName) {
    String name = FileNames.baseName(entryName);
    checkName(path, name, FileNames.extension(name));
  }

  private void checkName(String path, String name, String extension) {
    boolean blocked = policy.blocks(extension);
    if (FileNames.hasBidiControl(name) || (blocked && FileNames.looksHarmlessInside(name))) {
      report(
          path,
          Severity.BLOCKING,
          "attachment-deceptive-name",
          List.of(extension),
          "A file name disguising its real type ." + extension);
    }
    if (blocked) {
      report(
          path,
          Severity.BLOCKING,
          "attachment-blocked-type",
          List.of(extension),
          "A blocked file type ." + extension);
    }
  }

  private void compoundFile(String path, byte[] content, String extension) {
    Set<String> names = OleCompoundFile.entryNames(content);
    if (names.contains("EncryptedPackage")) {
      report(
          path,
          policy.encryptedSeverity(),
          "attachment-encrypted-document",
          List.of(),
          "A password-protected Office document");
      return;
    }
    if (names.contains("_VBA_PROJECT_CUR") || names.contains("Macros") || names.contains("VBA")) {
      report(
          path, Severity.WARNING, "attachment-macro", List.of(), "An Office document with macros");
    }
    // Office 97-2003 files (.xls, .doc, .ppt) and Outlook .msg: their records are not read.
    String format = extension.isEmpty() ? "OLE" : extension.toUpperCase(Locale.ROOT);
    report(
        path,
        Severity.WARNING,
        "attachment-uninspectable",
        List.of(format),
        "A legacy " + format + " file whose content is not inspected");
  }

  private void text(String path, String mediaType, byte[] content, String extension) {
    boolean table = TEXT_EXTENSIONS.contains(extension);
    boolean free = FREE_TEXT_EXTENSIONS.contains(extension);
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    if (!table && !free && !type.startsWith("text/")) {
      return; // images, PDFs and the like: nothing this check can read
    }
    String text = TextDecoder.decode(content);
    Tally tally = tally();
    char delimiter = free ? 0 : TabularText.delimiterOf(text);
    if (delimiter != 0) {
      TableScan scan = new TableScan(prefix(path), i -> "column " + (i + 1), tally);
      TabularText.scan(text, delimiter, scan);
      scan.finish();
    } else {
      FreeTextScan scan =
          new FreeTextScan(
              prefix(path), Locations.Unit.LINE, EnumSet.allOf(DataKind.class), hit -> true, tally);
      int number = 0;
      for (String line : text.split("\r\n|\r|\n", -1)) {
        scan.line(++number, line);
      }
      scan.finish();
    }
    emit(tally, path);
  }
}
