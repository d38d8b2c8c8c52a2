package dev.hikyaku.campaigns.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MIME part of an attachment: the file name as an RFC 2231 parameter ({@code filename*=UTF-8''}
 * with percent-encoding, split into numbered sections when long) in Content-Disposition, and as an
 * RFC 2047 encoded {@code name=} in Content-Type for readers that predate RFC 2231 (not standard,
 * but what Outlook and old Japanese clients read). A plain ASCII name is written as a quoted
 * string.
 */
final class AttachmentPart {

  /** The longest section value, so each section fits on a folded line (RFC 2231 §3). */
  private static final int SECTION = 60;

  private AttachmentPart() {}

  static MimePart of(Attachment attachment, MessageCharset charset) {
    String name = attachment.fileName();
    StringBuilder headers = new StringBuilder(256);
    HeaderLine type = new HeaderLine(headers, "Content-Type").word(attachment.mediaType() + ";");
    boolean plain = HeaderFields.isPlainAscii(name) && name.length() <= SECTION;
    if (plain) {
      type.word("name=" + HeaderFields.quoted(name));
    } else {
      List<String> words = EncodedWords.encode(name, charset, EncodedWords.MAX_WORD - 6);
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        type.word((i == 0 ? "name=\"" : "") + word + (i == words.size() - 1 ? "\"" : ""));
      }
    }
    type.end();
    headers.append("Content-Transfer-Encoding: base64\r\n");
    HeaderLine disposition = new HeaderLine(headers, "Content-Disposition").word("attachment;");
    if (plain) {
      disposition.word("filename=" + HeaderFields.quoted(name));
    } else {
      List<String> sections = sections(name);
      if (sections.size() == 1) {
        disposition.word("filename*=UTF-8''" + sections.getFirst());
      } else {
        for (int i = 0; i < sections.size(); i++) {
          String value = (i == 0 ? "UTF-8''" : "") + sections.get(i);
          String separator = i == sections.size() - 1 ? "" : ";";
          disposition.word("filename*" + i + "*=" + value + separator);
        }
      }
    }
    disposition.end();
    return new MimePart(
        headers.toString(), List.of(new MimePart.Piece(attachment.base64Body(), true)));
  }

  /**
   * The name percent-encoded (RFC 2231 §4, attribute-char per RFC 5987 §3.2.1) in sections of at
   * most {@link #SECTION} characters, never splitting a character.
   */
  static List<String> sections(String name) {
    List<String> sections = new ArrayList<>();
    StringBuilder section = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      encoded.setLength(0);
      for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        int v = b & 0xFF;
        if (isAttributeChar(v)) {
          encoded.append((char) v);
        } else {
          encoded.append('%').append(String.format("%02X", v));
        }
      }
      if (section.length() + encoded.length() > SECTION && !section.isEmpty()) {
        sections.add(section.toString());
        section.setLength(0);
      }
      section.append(encoded);
    }
    sections.add(section.toString());
    return sections;
  }

  private static boolean isAttributeChar(int v) {
    return (v >= 'a' && v <= 'z')
        || (v >= 'A' && v <= 'Z')
        || (v >= '0' && v <= '9')
        || "!#$&+-.^_`|~".indexOf(v) >= 0;
  }
}
