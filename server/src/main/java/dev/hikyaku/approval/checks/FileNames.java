package dev.hikyaku.approval.checks;

import java.util.Locale;
import java.util.Set;

/**
 * What a file name says about the file: its real extension, and whether the name is built to look
 * like another type.
 */
final class FileNames {

  /** Extensions a recipient trusts at a glance, the ones a deceptive double extension shows. */
  private static final Set<String> HARMLESS_LOOKING =
      Set.of(
          "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "jpg", "jpeg", "png",
          "gif", "zip", "htm", "html", "rtf", "mp3", "mp4");

  private FileNames() {}

  /**
   * The extension Windows acts on, lower case without the dot, or "" for none. Windows ignores
   * trailing dots and spaces ({@code setup.exe.} runs as {@code setup.exe}), and bidi and other
   * format characters change only how the name looks.
   */
  static String extension(String name) {
    String base = baseName(withoutFormatCharacters(name)).replaceAll("[. ]+$", "");
    int dot = base.lastIndexOf('.');
    return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The extension before the real one ({@code pdf} in {@code 請求書.pdf.exe}), or "". */
  static String innerExtension(String name) {
    String base = baseName(withoutFormatCharacters(name)).replaceAll("[. ]+$", "");
    int dot = base.lastIndexOf('.');
    if (dot < 0) {
      return "";
    }
    String rest = base.substring(0, dot).stripTrailing();
    int inner = rest.lastIndexOf('.');
    return inner < 0 ? "" : rest.substring(inner + 1).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the name holds a bidi control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)
   * that makes {@code 請求書\u202Efdp.exe} show as {@code 請求書exe.pdf}.
   */
  static boolean hasBidiControl(String name) {
    return name.codePoints()
        .anyMatch(cp ->
            (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E
                || cp == 0x200F
                || cp == 0x061C);
  }

  /** Whether the extension before a blocked one is one people open without a second thought. */
  static boolean looksHarmlessInside(String name) {
    return HARMLESS_LOOKING.contains(innerExtension(name));
  }

  /** The last segment of a path inside an archive: both separators, as ZIP tools write both. */
  static String baseName(String path) {
    String p = path;
    while (p.endsWith("/") || p.endsWith("\\")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return slash < 0 ? p : p.substring(slash + 1);
  }

  private static String withoutFormatCharacters(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .filter(cp -> Character.getType(cp) != Character.FORMAT && !Character.isISOControl(cp))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
