package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.encoding.Detection.Detected;
import dev.hikyaku.diagnose.encoding.Detection.Undetermined;
import dev.hikyaku.diagnose.headers.Severity;

/** Words for what is wrong with the encoding of a header field: the named cause and the fix. */
final class HeaderProblems {

  private HeaderProblems() {}

  /** The field has raw 8-bit or ISO-2022-JP bytes outside encoded-words. */
  static EncodingFinding raw(String where, Detection detection) {
    return switch (detection) {
      case Detected d when d.charset() == DetectedCharset.ISO_2022_JP ->
          new EncodingFinding(
              Severity.PROBLEM,
              "header.raw-iso-2022-jp",
              where
                  + " contains raw ISO-2022-JP escape sequences instead of RFC 2047 encoded-words:"
                  + " an old client wrote JIS text straight into the header",
              "the client must encode the text as =?ISO-2022-JP?B?...?= or =?UTF-8?B?...?="
                  + " (RFC 2047), as current clients do: update or replace it",
              where);
      case Detected d when d.charset() == DetectedCharset.UTF_8 ->
          new EncodingFinding(
              Severity.WARNING,
              "header.raw-utf8",
              where
                  + " contains raw UTF-8, which only messages sent with SMTPUTF8 may (RFC 6532):"
                  + " readers and servers without it show mojibake or reject the message",
              "the sending program should encode the text as =?UTF-8?B?...?= (RFC 2047) unless"
                  + " every server on the way supports SMTPUTF8",
              where);
      case Detected d ->
          new EncodingFinding(
              Severity.PROBLEM,
              "header.raw-8bit",
              where
                  + " contains raw 8-bit bytes that decode as "
                  + d.charset().mimeName()
                  + " ("
                  + d.evidence()
                  + "): the sending client did not encode the header as RFC 2047"
                  + " encoded-words (RFC 5322 §2.2 allows only US-ASCII), so every reader guesses"
                  + " the charset",
              "update or reconfigure the sending client (old mailers, scripts that write headers"
                  + " themselves) to encode non-ASCII text as =?UTF-8?B?...?=; the decoded text"
                  + " is read as "
                  + d.charset().mimeName(),
              where);
      case Undetermined u ->
          new EncodingFinding(
              Severity.PROBLEM,
              "header.raw-8bit",
              where
                  + " contains raw 8-bit bytes in a charset that could not be determined ("
                  + u.reason()
                  + "): the sending client did not encode the header as RFC 2047 encoded-words"
                  + " (RFC 5322 §2.2 allows only US-ASCII), so every reader guesses the charset",
              "update or reconfigure the sending client to encode non-ASCII text as"
                  + " =?UTF-8?B?...?=; the decoded text is read as UTF-8 with replacement"
                  + " characters",
              where);
    };
  }

  /** Adjacent encoded-words split a multi-byte character. */
  static EncodingFinding split(String where, String label) {
    return new EncodingFinding(
        Severity.PROBLEM,
        "header.encoded-word-split",
        "the encoded-words in "
            + where
            + " ("
            + label
            + ") split a multi-byte character between two words; RFC 2047 §5 requires each"
            + " encoded-word to hold whole characters, so readers that decode word by word show"
            + " broken characters",
        "the sending program must split encoded-words at character boundaries; the decoded text"
            + " joins the words first, as lenient readers do",
        where);
  }

  /** An encoded-word's B or Q encoding is broken. */
  static EncodingFinding malformed(String where, String malformation) {
    return new EncodingFinding(
        Severity.WARNING,
        "header.encoded-word-malformed",
        "an encoded-word in " + where + " is malformed: " + malformation + " (RFC 2047 §4)",
        "the sending program must write valid B or Q encoding; readers show such a word as"
            + " written or lose part of it",
        where);
  }
}
