package dev.hikyaku.mailauth.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header part of what a DKIM signature signs (RFC 6376 §3.7): the fields named in {@code h=},
 * canonicalized, then the DKIM-Signature field itself with an empty {@code b=} and no final CRLF.
 */
final class SignedData {

  private SignedData() {}

  /**
   * The data to sign or verify. Each name in {@code signedHeaders} takes the next unused field of
   * that name from the bottom of the header block; a name with no field left adds nothing (RFC 6376
   * §5.4.2), which is what makes oversigning work.
   */
  static byte[] build(
      MessageHeaders headers,
      List<String> signedHeaders,
      Canonicalization canonicalization,
      HeaderField signatureWithoutB) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    Map<String, Integer> used = new HashMap<>();
    for (String name : signedHeaders) {
      String key = name.toLowerCase(Locale.ROOT);
      List<HeaderField> fields = headers.named(key);
      int taken = used.merge(key, 1, Integer::sum);
      if (taken <= fields.size()) {
        data.writeBytes(
            HeaderCanonicalizer.canonicalize(fields.get(fields.size() - taken), canonicalization));
      }
    }
    byte[] own = HeaderCanonicalizer.canonicalize(signatureWithoutB, canonicalization);
    int length = own.length;
    if (length >= 2 && own[length - 2] == '\r' && own[length - 1] == '\n') {
      length -= 2;
    }
    data.write(own, 0, length);
    return data.toByteArray();
  }

  /**
   * The signature field with the value of its {@code b=} tag, and the whitespace around that value,
   * removed (RFC 6376 §3.7); the rest of the field is kept byte for byte.
   */
  static HeaderField withoutSignatureValue(HeaderField field) {
    String text = field.rawText();
    int end = text.endsWith("\r\n") ? text.length() - 2 : text.length();
    int start = field.colon() + 1;
    while (start <= end) {
      int semicolon = text.indexOf(';', start);
      int specEnd = semicolon < 0 || semicolon > end ? end : semicolon;
      int equals = text.indexOf('=', start);
      if (equals >= 0
          && equals < specEnd
          && DkimSyntax.trimFws(text.substring(start, equals)).equals("b")) {
        String stripped = text.substring(0, equals + 1) + text.substring(specEnd);
        return new HeaderField(
            field.name(), stripped.getBytes(StandardCharsets.ISO_8859_1), field.colon());
      }
      start = specEnd + 1;
    }
    return field;
  }
}
