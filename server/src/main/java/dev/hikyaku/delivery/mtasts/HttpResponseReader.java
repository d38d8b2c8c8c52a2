package dev.hikyaku.delivery.mtasts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.x response (RFC 9112) from a connection the request asked to close: the status
 * line, the headers, then a body framed by Content-Length, chunked coding or the end of the
 * connection, never more than a given size.
 */
final class HttpResponseReader {

  private static final int MAX_LINE = 8 * 1024;
  private static final int MAX_HEADERS = 100;
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([0-9]{3})( .*)?");

  /** The status code and the headers (names in lower case, the first of repeated ones). */
  record Head(int status, Map<String, String> headers) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  private final InputStream in;

  HttpResponseReader(InputStream in) {
    this.in = in;
  }

  Head readHead() throws IOException {
    String statusLine = line();
    var status = STATUS_LINE.matcher(statusLine);
    if (!status.matches()) {
      throw malformed("not an HTTP/1.x status line: " + MxPattern.printable(statusLine));
    }
    Map<String, String> headers = new HashMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      if (colon <= 0 || headers.size() >= MAX_HEADERS) {
        throw malformed("bad or too many header lines");
      }
      headers.putIfAbsent(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    return new Head(Integer.parseInt(status.group(1)), Map.copyOf(headers));
  }

  byte[] readBody(Head head, int limit) throws IOException {
    if (head.header("transfer-encoding")
        .map(v -> v.toLowerCase(Locale.ROOT).endsWith("chunked"))
        .orElse(false)) {
      return chunked(limit);
    }
    Optional<String> length = head.header("content-length");
    if (length.isEmpty()) {
      return untilClose(limit);
    }
    if (!length.get().matches("[0-9]{1,18}")) {
      throw malformed("bad Content-Length " + MxPattern.printable(length.get()));
    }
    long declared = Long.parseLong(length.get());
    if (declared > limit) {
      throw tooLarge(limit);
    }
    byte[] body = in.readNBytes((int) declared);
    if (body.length < declared) {
      throw malformed("the body ended after " + body.length + " of " + declared + " bytes");
    }
    return body;
  }

  private byte[] chunked(int limit) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
      if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
        throw malformed("bad chunk size " + MxPattern.printable(sizeLine));
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailer fields are not used
        }
        return body.toByteArray();
      }
      if (body.size() + size > limit) {
        throw tooLarge(limit);
      }
      byte[] chunk = in.readNBytes((int) size);
      if (chunk.length < size || !line().isEmpty()) {
        throw malformed("a chunk is cut short or not followed by CRLF");
      }
      body.writeBytes(chunk);
    }
  }

  private byte[] untilClose(int limit) throws IOException {
    byte[] body = in.readNBytes(limit + 1);
    if (body.length > limit) {
      throw tooLarge(limit);
    }
    return body;
  }

  /** One line without its CRLF or LF, at most {@value #MAX_LINE} bytes, as ISO-8859-1. */
  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw malformed("the connection closed in the middle of the response head");
      }
      if (line.size() == MAX_LINE) {
        throw malformed("a line of the response head exceeds " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
    String s = line.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static FetchException malformed(String message) {
    return new FetchException(MtaStsFailure.MALFORMED_RESPONSE, message);
  }

  private static FetchException tooLarge(int limit) {
    return new FetchException(
        MtaStsFailure.BODY_TOO_LARGE, "the policy body exceeds " + limit + " bytes");
  }
}
