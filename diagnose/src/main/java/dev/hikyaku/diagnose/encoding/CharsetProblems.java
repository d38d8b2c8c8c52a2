package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.encoding.TextCheck.Issue;
import dev.hikyaku.diagnose.headers.Severity;

/**
 * Words for what is wrong with the charset of some text, alike for encoded-words and parts: the
 * named cause and the fix. Codes start with {@code header.} or {@code body.} where the fix differs,
 * else with the charset ({@code iso2022jp.}, {@code charset.}).
 */
final class CharsetProblems {

  private CharsetProblems() {}

  /**
   * The text a finding is about.
   *
   * @param where the finding's {@code where}
   * @param codePrefix {@code header} or {@code body}
   * @param what the text, such as "the encoded-words in Subject" or "part 1 (text/plain)"
   * @param claim what it declares, such as "part 1 (text/plain) is declared charset=UTF-8"
   * @param shown where the decoded text is shown, such as "the preview"
   */
  record Subject(String where, String codePrefix, String what, String claim, String shown) {

    static Subject header(String where, String label) {
      String what = "the encoded-words in " + where;
      return new Subject(
          where, "header", what, what + " are labelled " + label, "the decoded text");
    }

    static Subject part(String where, String contentType, String label) {
      String what = where + " (" + contentType + ")";
      return new Subject(
          where, "body", what, what + " is declared charset=" + label, "the preview");
    }
  }

  static EncodingFinding of(Issue issue, Subject subject) {
    return switch (issue) {
      case Issue.WrongCharset wrong -> wrongCharset(wrong, subject);
      case Issue.WindowsCharacters windows -> windowsCharacters(windows, subject);
      case Issue.HalfWidthKatakana kana ->
          new EncodingFinding(
              Severity.WARNING,
              "iso2022jp.half-width-katakana",
              subject.what()
                  + " has "
                  + kana.count()
                  + " half-width katakana in ISO-2022-JP (ESC ( I, SO/SI or 8-bit bytes), which"
                  + " RFC 1468 does not allow: many readers drop them or show garbage",
              "the sending program must convert half-width katakana to full-width, as most"
                  + " Japanese mailers do, or send UTF-8",
              subject.where());
      case Issue.Unterminated open ->
          new EncodingFinding(
              Severity.WARNING,
              "iso2022jp.unterminated",
              subject.what()
                  + " is ISO-2022-JP that does not switch back to ASCII (ESC ( B)"
                  + (open.lines() > 0 ? " before " + open.lines() + " line ends" : "")
                  + (open.atEnd() ? (open.lines() > 0 ? " nor" : "") + " at its end" : "")
                  + "; RFC 1468 requires both, so readers may show what follows (the next line,"
                  + " field or part) as garbage",
              "the sending program must end every line and the text in ASCII; "
                  + subject.shown()
                  + " is read as if it did",
              subject.where());
      case Issue.Undecodable broken ->
          new EncodingFinding(
              Severity.WARNING,
              subject.codePrefix() + ".undecodable",
              subject.claim()
                  + " but "
                  + broken.replacements()
                  + " byte sequences do not exist in that charset, and the bytes fit no other"
                  + " charset the analyzer knows ("
                  + broken.reason()
                  + ")",
              "readers show replacement characters (\uFFFD) there; ask which program wrote the"
                  + " message and have it send UTF-8",
              subject.where());
    };
  }

  private static EncodingFinding wrongCharset(Issue.WrongCharset wrong, Subject subject) {
    String actual = wrong.actual().mimeName();
    String symptom =
        wrong.replacements() > 0
            ? wrong.replacements() + " replacement characters"
            : "implausible text (\"" + wrong.sample() + "\")";
    return new EncodingFinding(
        Severity.PROBLEM,
        subject.codePrefix() + ".charset-mismatch",
        subject.claim()
            + " but the bytes are "
            + actual
            + ": decoding them as declared gives "
            + symptom
            + " (mojibake)",
        "the sending program, or a gateway or list server that converted the text without"
            + " relabelling it, must declare the charset the text is really in (preferably"
            + " UTF-8); "
            + subject.shown()
            + " is read as "
            + actual,
        subject.where());
  }

  private static EncodingFinding windowsCharacters(Issue.WindowsCharacters windows, Subject s) {
    String samples = windows.samples().isEmpty() ? "" : " (" + windows.samples() + ")";
    if (windows.family() == DetectedCharset.ISO_2022_JP) {
      return new EncodingFinding(
          Severity.WARNING,
          "iso2022jp.windows-characters",
          s.claim()
              + " but has characters outside JIS X 0208"
              + samples
              + " that only Windows' variant CP50220 has; RFC 1468 allows JIS X 0208 only, so"
              + " strict readers show '?' or garbage",
          "send UTF-8, or avoid machine-dependent characters (機種依存文字) such as circled"
              + " numbers and ㈱; "
              + s.shown()
              + " is read with the Windows variant",
          s.where());
    }
    return new EncodingFinding(
        Severity.WARNING,
        "charset.cp932-characters",
        s.claim()
            + " but has characters that only Windows' variant CP932 (Windows-31J) has"
            + samples
            + ": readers that follow the label show them as garbage or '?'",
        "label the text Windows-31J, or better send UTF-8, or avoid machine-dependent characters"
            + " (機種依存文字); "
            + s.shown()
            + " is read as CP932",
        s.where());
  }

  /** The charset label is an unregistered alias, such as {@code SJIS} for Shift_JIS. */
  static EncodingFinding unregisteredLabel(Subject subject, String registered) {
    return new EncodingFinding(
        Severity.WARNING,
        subject.codePrefix() + ".charset-label",
        subject.claim()
            + ", which is not a registered charset name (IANA registers "
            + registered
            + "): readers that do not know the alias show the text undecoded",
        "the sending program should write '" + registered + "', or better send UTF-8",
        subject.where());
  }

  /** The charset label names no charset the JDK knows. */
  static EncodingFinding unknownLabel(Subject subject, Detection detection) {
    return new EncodingFinding(
        Severity.PROBLEM,
        subject.codePrefix() + ".charset-unknown",
        subject.claim()
            + ", a charset unknown here and to most readers"
            + detection
                .detectedCharset()
                .map(c -> "; the bytes look like " + c.mimeName())
                .orElse(""),
        "the sending program must use a registered charset name, preferably UTF-8",
        subject.where());
  }
}
