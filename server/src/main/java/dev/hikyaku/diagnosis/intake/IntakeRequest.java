package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnosis.intake.IntakeInputException.Problem;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filing over the API, as JSON: the kind, the answers by question key (a string, or a list of
 * options for questions with several), and the attachments, either here in base64 or as multipart
 * parts beside it.
 *
 * @param kind {@code non-delivery} or {@code security-incident}
 * @param answers the answers by question key
 * @param headers pasted header text
 * @param headersBase64 the message (.eml) in base64
 * @param logs Postfix logs in base64, each with a name
 * @param redaction what to mask; absent means the defaults (addresses, names and subject)
 */
record IntakeRequest(
    String kind,
    Map<String, Object> answers,
    String headers,
    String headersBase64,
    List<LogFile> logs,
    RedactionRequest redaction) {

  /** One log file in base64. */
  record LogFile(String name, String base64) {}

  /** What to mask; each absent flag keeps its default. */
  record RedactionRequest(
      Boolean addresses,
      Boolean names,
      Boolean subject,
      Boolean ipAddresses,
      List<String> keepDomains) {}

  /** The answers as the form would post them: a list of values per key. */
  Map<String, List<String>> answerLists() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (answers == null) {
      return out;
    }
    answers.forEach((key, value) -> {
      List<String> values = new ArrayList<>();
      if (value instanceof List<?> list) {
        list.forEach(v -> values.add(String.valueOf(v)));
      } else if (value != null) {
        values.add(String.valueOf(value));
      }
      out.put(key, values);
    });
    return out;
  }

  RedactionChoice redactionChoice() {
    RedactionChoice d = RedactionChoice.defaults();
    if (redaction == null) {
      return d;
    }
    return new RedactionChoice(
        redaction.addresses() == null ? d.addresses() : redaction.addresses(),
        redaction.names() == null ? d.names() : redaction.names(),
        redaction.subject() == null ? d.subject() : redaction.subject(),
        redaction.ipAddresses() == null ? d.ipAddresses() : redaction.ipAddresses(),
        redaction.keepDomains() == null ? List.of() : redaction.keepDomains());
  }

  /** The base64 message, or null. */
  Upload message() {
    if (headersBase64 == null || headersBase64.isBlank()) {
      return null;
    }
    return Upload.of("message.eml", decode("headersBase64", "message.eml", headersBase64));
  }

  /** The base64 logs. */
  List<Upload> logUploads() {
    List<Upload> out = new ArrayList<>();
    if (logs != null) {
      int n = 0;
      for (LogFile log : logs) {
        n++;
        String name =
            log == null || log.name() == null || log.name().isBlank() ? "log-" + n : log.name();
        String data = log == null || log.base64() == null ? "" : log.base64();
        out.add(Upload.of(name, decode("logs", name, data)));
      }
    }
    return out;
  }

  private static byte[] decode(String field, String name, String base64) {
    try {
      // Line breaks, as base64 tools insert them, are allowed; anything else outside the alphabet
      // is an error (the MIME decoder would silently drop it).
      return Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      throw new IntakeInputException(
          new Problem(
              field, "intake.attachment.bad-base64", List.of(name), name + " is not valid base64"));
    }
  }
}
