package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.headers.HopAnalyzer;
import dev.hikyaku.diagnosis.intake.IntakeInputException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The start of an attached message, read within the header analyzer's limit, and the check that it
 * is a message at all: text (no NUL bytes) that begins with a header field. Anything else is
 * refused with a clear error rather than analysed into a report of nothing.
 */
final class MessageHead {

  /** NUL bytes in this much of the start mean a binary file, not a message. */
  private static final int SNIFF = 64 * 1024;

  private MessageHead() {}

  /** The first bytes of {@code upload}: its header block and what follows, within the limit. */
  static byte[] read(Upload upload) {
    try (InputStream in = upload.open()) {
      return in.readNBytes(HopAnalyzer.MAX_HEADER_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the attached message", e);
    }
  }

  /**
   * The upload without an mbox {@code From } separator line, which messages saved from a mailbox
   * file start with; other uploads as they are.
   */
  static Upload withoutMboxLine(Upload upload) {
    byte[] start;
    try (InputStream in = upload.open()) {
      start = in.readNBytes(5);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the attached message", e);
    }
    if (!new String(start, StandardCharsets.US_ASCII).equals("From ")) {
      return upload;
    }
    return new Upload() {
      @Override
      public String name() {
        return upload.name();
      }

      @Override
      public InputStream open() throws IOException {
        InputStream in = upload.open();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
          // Skip the separator line.
        }
        return in;
      }
    };
  }

  /** Refuses what is not a message; {@code head} is the start of the upload named {@code name}. */
  static void check(String name, byte[] head) {
    if (head.length == 0) {
      throw problem("intake.message.empty", name, "the attached message " + name + " is empty");
    }
    for (int i = 0; i < Math.min(head.length, SNIFF); i++) {
      if (head[i] == 0) {
        throw problem(
            "intake.message.binary", name, name + " is a binary file, not a message (.eml)");
      }
    }
    if (!startsWithField(head)) {
      throw problem(
          "intake.message.not-a-message",
          name,
          name + " does not start with header fields (Name: value); paste the whole header block");
    }
  }

  /**
   * Pasted headers as bytes: line ends made CRLF-free, leading blank lines and an mbox {@code From
   * } line removed, as mail clients' "show original" views often add them.
   */
  static byte[] pasted(String text) {
    String t = text.replace("\r\n", "\n").stripLeading();
    if (t.startsWith("From ")) {
      int eol = t.indexOf('\n');
      t = eol < 0 ? "" : t.substring(eol + 1);
    }
    return t.getBytes(StandardCharsets.UTF_8);
  }

  /** The header block: up to the first empty line, within {@code max} characters. */
  static String headerBlock(byte[] head, int max) {
    String text = new String(head, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int end = text.indexOf("\n\n");
    String block = end < 0 ? text : text.substring(0, end + 1);
    return block.length() <= max ? block : block.substring(0, max);
  }

  /** Whether the first line is {@code Name: value} (RFC 5322 §2.2: printable name, no spaces). */
  private static boolean startsWithField(byte[] head) {
    int i = 0;
    while (i < head.length && head[i] > ' ' && head[i] < 127 && head[i] != ':') {
      i++;
    }
    return i > 0 && i < head.length && head[i] == ':';
  }

  private static IntakeInputException problem(String code, String name, String english) {
    return new IntakeInputException(new Problem("headers", code, List.of(name), english));
  }
}
