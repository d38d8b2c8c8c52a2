package dev.hikyaku.approval.checks;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Office Open XML file (ECMA-376: xlsx, docx, pptx and their macro-enabled forms) for the
 * checks: the cells of every sheet as tables, the paragraphs of a document, the text of each slide;
 * macros are reported, and embedded files are checked like attachments.
 */
final class OoxmlText {

  private static final Set<String> MACRO_EXTENSIONS =
      Set.of("xlsm", "xltm", "xlam", "docm", "dotm", "pptm", "potm", "ppsm", "ppam");
  private static final Pattern SLIDE = Pattern.compile("ppt/slides/slide([0-9]{1,6})\\.xml");

  private final Scan scan;
  private final String path;
  private final byte[] zip;
  private final List<ZipReader.Entry> entries;
  private final int depth;

  OoxmlText(Scan scan, String path, byte[] zip, List<ZipReader.Entry> entries, int depth) {
    this.scan = scan;
    this.path = path;
    this.zip = zip;
    this.entries = entries;
    this.depth = depth;
  }

  /** Whether a ZIP with these entries is an Office Open XML package. */
  static boolean isOfficeDocument(List<ZipReader.Entry> entries) {
    return entries.stream().anyMatch(e -> e.name().equals("[Content_Types].xml"));
  }

  void scan() {
    boolean macros =
        MACRO_EXTENSIONS.contains(FileNames.extension(path))
            || entries.stream()
                .anyMatch(e -> e.name().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"));
    if (macros) {
      scan.report(
          path, Severity.WARNING, "attachment-macro", List.of(), "An Office document with macros");
    }
    if (entry("xl/workbook.xml").isPresent()) {
      new SpreadsheetText(this).scan();
    } else if (entry("word/document.xml").isPresent()) {
      document();
    } else if (entry("ppt/presentation.xml").isPresent()) {
      presentation();
    }
    embedded();
  }

  String path() {
    return path;
  }

  Scan scanner() {
    return scan;
  }

  /** The entry called {@code name}, if the package has it. */
  Optional<ZipReader.Entry> entry(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The inflated part {@code name}, or empty if it is missing or over the budget. */
  Optional<byte[]> part(String name) {
    Optional<ZipReader.Entry> entry = entry(name);
    if (entry.isEmpty() || scan.budget().exceeded()) {
      return Optional.empty();
    }
    ZipReader.Content content = ZipReader.read(zip, entry.get(), scan.budget(), true);
    return switch (content) {
      case ZipReader.Content.Bytes bytes -> Optional.of(bytes.data());
      case ZipReader.Content.OverBudget o -> {
        scan.tooLarge(path);
        yield Optional.empty();
      }
      case ZipReader.Content.Encrypted e ->
          throw new MalformedFileException("encrypted part " + name + " in an Office file");
      case ZipReader.Content.UnsupportedMethod m ->
          throw new MalformedFileException(
              "part " + name + " compressed with method " + m.method());
    };
  }

  private void document() {
    Tally tally = scan.tally();
    FreeTextScan text = freeText(Locations.Unit.PARAGRAPH, tally);
    part("word/document.xml")
        .ifPresent(xml -> {
          int number = 0;
          for (String paragraph : Xml.paragraphs(xml)) {
            text.line(++number, paragraph);
          }
        });
    text.finish();
    scan.emit(tally, path);
  }

  private void presentation() {
    TreeMap<Integer, String> slides = new TreeMap<>();
    for (ZipReader.Entry e : entries) {
      Matcher m = SLIDE.matcher(e.name());
      if (m.matches()) {
        slides.put(Integer.parseInt(m.group(1)), e.name());
      }
    }
    Tally tally = scan.tally();
    FreeTextScan text = freeText(Locations.Unit.SLIDE, tally);
    slides.forEach((number, name) ->
        part(name).ifPresent(xml -> Xml.paragraphs(xml).forEach(p -> text.line(number, p))));
    text.finish();
    scan.emit(tally, path);
  }

  /** Files embedded in the package (a workbook in a document, an OLE package) are attachments. */
  private void embedded() {
    if (depth >= scan.policy().maxArchiveDepth()) {
      return;
    }
    for (ZipReader.Entry e : entries) {
      if (!e.directory() && e.name().contains("/embeddings/") && !scan.budget().exceeded()) {
        part(e.name())
            .ifPresent(
                bytes -> scan.file(path + " > " + e.name(), e.name(), null, bytes, depth + 1));
      }
    }
  }

  private FreeTextScan freeText(Locations.Unit unit, Tally tally) {
    return new FreeTextScan(
        Scan.prefix(path), unit, EnumSet.allOf(DataKind.class), hit -> true, tally);
  }
}
