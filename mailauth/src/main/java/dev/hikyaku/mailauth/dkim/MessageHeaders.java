package dev.hikyaku.mailauth.dkim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header block of a message, parsed without a MIME library so that each field keeps its exact
 * bytes. Reading stops at the empty line that ends the block (or at the end of the stream, leaving
 * an empty body), so the body can then be streamed from the same {@link MessageInput}.
 *
 * <p>Line endings: a bare LF is read as CRLF, as for a message stored in Unix form and sent in CRLF
 * form (RFC 5322 §2.1). A line that is neither a field nor a continuation (no colon, or a name with
 * invalid characters, such as an mbox "From " line) is skipped with its continuations.
 */
final class MessageHeaders {

  /** What reading a header block gave. */
  sealed interface Read {
    /** The whole block was read; the input is at the first byte of the body. */
    record Complete(MessageHeaders headers) implements Read {}

    /** The block is longer than {@code limit} bytes; reading stopped there. */
    record TooLarge(int limit) implements Read {}
  }

  private final List<HeaderField> fields;
  private final Map<String, List<HeaderField>> byName = new HashMap<>();

  MessageHeaders(List<HeaderField> fields) {
    this.fields = List.copyOf(fields);
    for (HeaderField field : this.fields) {
      byName.computeIfAbsent(field.lowerName(), k -> new ArrayList<>()).add(field);
    }
  }

  /** Reads the header block from {@code in}, at most {@code maxBytes} bytes of it. */
  static Read read(MessageInput in, int maxBytes) throws IOException {
    List<HeaderField> fields = new ArrayList<>();
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean skipping = false;
    long total = 0;
    while (true) {
      line.reset();
      int c;
      while ((c = in.read()) >= 0) {
        if (++total > maxBytes) {
          return new Read.TooLarge(maxBytes);
        }
        if (c == '\n') {
          break;
        }
        line.write(c);
      }
      if (c < 0 && line.size() == 0) {
        break; // end of stream right after a line: no body
      }
      byte[] bytes = line.toByteArray();
      int length = bytes.length;
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
      }
      if (length == 0) {
        break; // RFC 5322 §2.1: the empty line ends the header block
      }
      if (bytes[0] == ' ' || bytes[0] == '\t') {
        if (!skipping && current.size() > 0) {
          current.write(bytes, 0, length);
          current.write('\r');
          current.write('\n');
        }
      } else {
        finish(current, fields);
        current.reset();
        skipping = !startsWithFieldName(bytes, length);
        if (!skipping) {
          current.write(bytes, 0, length);
          current.write('\r');
          current.write('\n');
        }
      }
      if (c < 0) {
        break;
      }
    }
    finish(current, fields);
    return new Read.Complete(new MessageHeaders(fields));
  }

  /** All fields, top to bottom. */
  List<HeaderField> fields() {
    return fields;
  }

  /** The fields named {@code name} (any case), top to bottom. */
  List<HeaderField> named(String name) {
    return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** How many fields are named {@code name} (any case). */
  int count(String name) {
    return named(name).size();
  }

  private static void finish(ByteArrayOutputStream current, List<HeaderField> fields) {
    if (current.size() == 0) {
      return;
    }
    byte[] raw = current.toByteArray();
    int colon = indexOf(raw, (byte) ':');
    int end = colon;
    while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == '\t')) {
      end--; // RFC 5322 §4.5.8 obsolete syntax: whitespace before the colon
    }
    fields.add(new HeaderField(new String(raw, 0, end, StandardCharsets.US_ASCII), raw, colon));
  }

  private static boolean startsWithFieldName(byte[] line, int length) {
    int colon = -1;
    for (int i = 0; i < length; i++) {
      if (line[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon <= 0) {
      return false;
    }
    int end = colon;
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
      end--;
    }
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      int b = line[i] & 0xff;
      if (b < 33 || b > 126) {
        return false; // RFC 5322 §3.6.8 ftext
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
