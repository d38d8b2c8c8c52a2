package dev.hikyaku.campaigns.render;

import dev.hikyaku.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file attached to every message of a campaign. Its content is base64-encoded once, here, and
 * shared by every message composed with it, so that a large file costs one encoding per campaign
 * rather than one per recipient. Immutable and thread-safe.
 */
public final class Attachment {

  // RFC 2045 §5.1: type "/" subtype, both tokens; parameters are the composer's to add.
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`{|}~-]+/[A-Za-z0-9!#$%&'*+.^_`{|}~-]+");
  private static final int MAX_NAME = 255;

  private final String fileName;
  private final String mediaType;
  private final int size;
  private final byte[] base64;

  private Attachment(String fileName, String mediaType, byte[] content) {
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.size = content.length;
    // RFC 2045 §6.8: lines of at most 76 characters; the body ends in CRLF like every part.
    byte[] encoded = Base64.getMimeEncoder().encode(content);
    byte[] body = new byte[encoded.length + (encoded.length == 0 ? 0 : 2)];
    System.arraycopy(encoded, 0, body, 0, encoded.length);
    if (encoded.length > 0) {
      body[body.length - 2] = '\r';
      body[body.length - 1] = '\n';
    }
    this.base64 = body;
  }

  /**
   * An attachment named {@code fileName} (any script; no path separators or control characters), of
   * media type {@code type/subtype}, with {@code content}.
   *
   * @throws InvalidInputException if the name or media type is not acceptable
   */
  public static Attachment of(String fileName, String mediaType, byte[] content) {
    Objects.requireNonNull(content, "content");
    return new Attachment(checkName(fileName), checkMediaType(mediaType), content);
  }

  /** The file name as recipients see it. */
  public String fileName() {
    return fileName;
  }

  /** The media type, lower-case, such as {@code application/pdf}. */
  public String mediaType() {
    return mediaType;
  }

  /** The size of the content in bytes, before encoding. */
  public int size() {
    return size;
  }

  /** The content as base64 lines ending in CRLF; shared, never to be modified. */
  byte[] base64Body() {
    return base64;
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("attachment", "required", "an attachment needs a file name");
    }
    String stripped = name.strip();
    if (stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
      throw new InvalidInputException(
          "attachment", "too-long", "file name longer than " + MAX_NAME + " characters");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c) || c == '/' || c == '\\' || c == '\u2028' || c == '\u2029') {
        throw new InvalidInputException(
            "attachment",
            "file-name",
            "a file name may not contain path separators or control characters: " + stripped);
      }
    }
    if (stripped.getBytes(StandardCharsets.UTF_8).length > 4 * MAX_NAME) {
      throw new InvalidInputException("attachment", "too-long", "file name too long");
    }
    return stripped;
  }

  private static String checkMediaType(String mediaType) {
    if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
      throw new InvalidInputException(
          "attachment", "media-type", "not a media type (type/subtype): " + mediaType);
    }
    String lower = mediaType.toLowerCase(Locale.ROOT);
    if (lower.startsWith("multipart/") || lower.startsWith("message/")) {
      // Composite types have their own structure (RFC 2046 §5); a file is sent as data.
      throw new InvalidInputException(
          "attachment", "media-type", "an attachment cannot be " + lower);
    }
    return lower;
  }

  @Override
  public String toString() {
    return "Attachment[" + fileName + ", " + mediaType + ", " + size + " bytes]";
  }
}
