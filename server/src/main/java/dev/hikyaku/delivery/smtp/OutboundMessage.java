package dev.hikyaku.delivery.smtp;

import java.io.ByteArrayInputStream;
import java.util.Objects;

/**
 * A message to send, with what the session must know before sending it: its size for SIZE (RFC
 * 1870) and whether it needs 8BITMIME (RFC 6152) or SMTPUTF8 (RFC 6531).
 *
 * <p>Line ends may be CRLF, bare LF or bare CR; they are sent as CRLF. Lines starting with a dot
 * are dot-stuffed on the wire (RFC 5321 §4.5.2). The content is streamed: it is never held in
 * memory by the session.
 *
 * @param source opens the content when the server is ready for it
 * @param size the size in octets with CRLF line ends, without dot-stuffing (RFC 1870 §3); a
 *     declaration for SIZE, not checked against the content
 * @param eightBit whether any octet is above 127, which needs 8BITMIME
 * @param requiresSmtpUtf8 whether header fields carry UTF-8 (RFC 6532), which needs SMTPUTF8
 */
public record OutboundMessage(
    MessageSource source, long size, boolean eightBit, boolean requiresSmtpUtf8) {

  public OutboundMessage {
    Objects.requireNonNull(source, "source");
    if (size < 0) {
      throw new IllegalArgumentException("message size cannot be negative: " + size);
    }
    if (requiresSmtpUtf8 && !eightBit) {
      throw new IllegalArgumentException("UTF-8 header fields make a message 8-bit");
    }
  }

  /**
   * A message held in {@code content}, which is scanned once for the size with CRLF line ends, for
   * 8-bit octets, and for 8-bit octets in the header section (which need SMTPUTF8). The array is
   * not copied and must not be changed afterwards.
   */
  public static OutboundMessage of(byte[] content) {
    long size = 0;
    boolean eightBit = false;
    boolean eightBitHeader = false;
    boolean inHeader = true;
    boolean lineEmpty = true;
    for (int i = 0; i < content.length; i++) {
      int b = content[i] & 0xff;
      if (b == '\r' || b == '\n') {
        if (b == '\r' && i + 1 < content.length && content[i + 1] == '\n') {
          i++;
        }
        size += 2;
        if (lineEmpty) {
          inHeader = false; // RFC 5322 §2.1: an empty line ends the header section
        }
        lineEmpty = true;
        continue;
      }
      size++;
      lineEmpty = false;
      if (b > 0x7f) {
        eightBit = true;
        eightBitHeader |= inHeader;
      }
    }
    if (!lineEmpty) {
      size += 2; // the CRLF the session adds to end the last line (RFC 5321 §4.1.1.4)
    }
    return new OutboundMessage(
        () -> new ByteArrayInputStream(content), size, eightBit, eightBitHeader);
  }
}
