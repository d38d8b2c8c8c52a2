package dev.hikyaku.e2e.postfix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message as Postfix's virtual(8) stored it in a Maildir, with its header fields unfolded.
 *
 * @param raw the message with CRLF line ends, as it was on the wire (Maildir files use LF)
 * @param fields the header fields in order, each {@code name} and unfolded {@code value}
 */
record ReceivedMessage(byte[] raw, List<Field> fields) {

  /** One header field. */
  record Field(String name, String value) {
    Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  ReceivedMessage {
    raw = raw.clone();
    fields = List.copyOf(fields);
  }

  /** Reads a Maildir file. */
  static ReceivedMessage read(Path file) throws IOException {
    byte[] crlf = toCrlf(Files.readAllBytes(file));
    // Header fields are ASCII (RFC 5322 §2.2); anything else is kept byte for byte.
    String text = new String(crlf, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String header = end < 0 ? text : text.substring(0, end);
    List<Field> fields = new ArrayList<>();
    for (String line : header.split("\r\n")) {
      if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
        // RFC 5322 §2.2.3: unfolding removes the CRLF before the white space.
        Field last = fields.remove(fields.size() - 1);
        fields.add(new Field(last.name(), last.value() + line));
      } else if (line.indexOf(':') > 0) {
        int colon = line.indexOf(':');
        fields.add(new Field(line.substring(0, colon), line.substring(colon + 1).strip()));
      }
    }
    return new ReceivedMessage(crlf, fields);
  }

  /** The values of every field called {@code name} (case-insensitive), top first. */
  List<String> all(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return fields.stream()
        .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(wanted))
        .map(Field::value)
        .toList();
  }

  /** The first field called {@code name}; fails if there is none. */
  String first(String name) {
    List<String> values = all(name);
    if (values.isEmpty()) {
      throw new AssertionError("no " + name + " field in:\n" + fields);
    }
    return values.get(0);
  }

  /** The envelope sender virtual(8) recorded in Return-Path, without the angle brackets. */
  String returnPath() {
    return first("Return-Path").replaceAll("^<|>$", "");
  }

  private static byte[] toCrlf(byte[] lf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + lf.length / 40);
    for (int i = 0; i < lf.length; i++) {
      if (lf[i] == '\n' && (i == 0 || lf[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(lf[i]);
    }
    return out.toByteArray();
  }
}
