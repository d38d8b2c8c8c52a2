package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.encoding.Detection.Detected;
import dev.hikyaku.diagnose.encoding.Detection.Undetermined;
import dev.hikyaku.diagnose.headers.Severity;

/** Words for what is wrong with a part's transfer encoding or charset label, and the fix. */
final class PartProblems {

  private PartProblems() {}

  /** A text part with non-ASCII content has no charset parameter. */
  static EncodingFinding charsetMissing(String where, String contentType, Detection detection) {
    String content =
        switch (detection) {
          case Detected d -> d.charset().mimeName() + " text";
          case Undetermined u -> "8-bit text in an undetermined charset (" + u.reason() + ")";
        };
    String name = detection.detectedCharset().map(DetectedCharset::mimeName).orElse("UTF-8");
    return new EncodingFinding(
        Severity.PROBLEM,
        "body.charset-missing",
        where
            + " ("
            + contentType
            + ") holds "
            + content
            + " but its Content-Type has no charset parameter, so readers assume US-ASCII (RFC"
            + " 2046 §4.1.2) or guess, and may show mojibake"
            + (contentType.equals("text/html")
                ? " (a <meta> charset in the HTML helps only readers that look for it)"
                : ""),
        "the sending program must declare the charset, as in Content-Type: "
            + contentType
            + "; charset="
            + name
            + "; the preview is read as "
            + name,
        where);
  }

  /** Bytes above 127 in a part declared, or defaulting to, 7bit. */
  static EncodingFinding eightBitAs7bit(String where, int count, boolean declared) {
    return new EncodingFinding(
        Severity.WARNING,
        "transfer.8bit-as-7bit",
        where
            + " has "
            + count
            + " bytes above 127 but its Content-Transfer-Encoding is "
            + (declared ? "7bit" : "missing, which means 7bit (RFC 2045 §6.1)")
            + ": servers without 8BITMIME (RFC 6152) may strip the eighth bit or reject the"
            + " message, and a server that converts it on the way breaks DKIM signatures",
        "the sending program must encode the part as base64 or quoted-printable, or declare 8bit"
            + " and send it with 8BITMIME",
        where);
  }

  /** Raw bytes above 127 in a base64 or quoted-printable part. */
  static EncodingFinding eightBitInEncoded(String where, int count, TransferEncoding encoding) {
    return new EncodingFinding(
        Severity.WARNING,
        "transfer.8bit-in-encoded",
        where
            + " is declared "
            + encoding.label()
            + " but has "
            + count
            + " raw bytes above 127, which that encoding never produces (RFC 2045 §6.7, §6.8):"
            + " decoders drop or keep them as they please",
        "a program on the way altered the encoded text, or the sender encoded it wrongly; ask for"
            + " the message again, or from another program",
        where);
  }

  /** A Content-Transfer-Encoding that RFC 2045 does not define. */
  static EncodingFinding unknownTransfer(String where, String written) {
    return new EncodingFinding(
        Severity.WARNING,
        "transfer.unknown",
        where
            + " has Content-Transfer-Encoding '"
            + written
            + "', which is none of 7bit, 8bit, binary, quoted-printable and base64 (RFC 2045"
            + " §6.1): readers show the encoded text as it is",
        "the sending program must write one of the standard values; the analysis reads the part"
            + " as it is",
        where);
  }

  /** A message that uses MIME without saying so (RFC 2045 §4). */
  static EncodingFinding mimeVersionMissing() {
    return new EncodingFinding(
        Severity.WARNING,
        "mime.version-missing",
        "the message uses MIME (a Content-Type, a Content-Transfer-Encoding or non-ASCII text)"
            + " but has no MIME-Version field: RFC 2045 §4 requires 'MIME-Version: 1.0', and"
            + " readers that insist on it ignore the Content-Type, charset included, and show"
            + " mojibake",
        "the sending program must add 'MIME-Version: 1.0' to the header",
        "MIME-Version");
  }

  /** The MIME structure could not be read to its end. */
  static EncodingFinding unreadable(String problem) {
    return new EncodingFinding(
        Severity.WARNING,
        "mime.unreadable",
        "the MIME structure could not be read past this point: " + problem,
        "the rest of the message was not analysed; a message this malformed was damaged on the"
            + " way or built by hand, so ask for it again",
        "message");
  }

  /** More parts than the limit. */
  static EncodingFinding partsTruncated(int limit) {
    return new EncodingFinding(
        Severity.INFO,
        "mime.parts-truncated",
        "the message has more than " + limit + " parts; only the first " + limit + " were analysed",
        "nothing to fix; the limit keeps the analysis of huge messages short",
        "message");
  }

  /** A message longer than the limit. */
  static EncodingFinding messageTruncated(long limit) {
    return new EncodingFinding(
        Severity.INFO,
        "message.truncated",
        "the message is longer than " + limit + " bytes; only its start was analysed",
        "nothing to fix; the limit keeps the analysis of huge messages short",
        "message");
  }
}
