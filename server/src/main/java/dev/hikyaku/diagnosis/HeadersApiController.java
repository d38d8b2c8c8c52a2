package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.headers.HopAnalyzer;
import dev.hikyaku.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/diagnosis/headers}: the header analyzer over the API. The message (or only its
 * headers) is the request body ({@code message/rfc822}, {@code text/plain}, anything but a form) or
 * the multipart field {@code file}; it is read as it arrives, up to {@code
 * hikyaku.diagnosis.max-message-size}, and not stored.
 */
@RestController
@RequestMapping("/api/v1/diagnosis/headers")
class HeadersApiController {

  private static final String READ = DiagnosisAccess.ANALYZE + DiagnosisAccess.SCOPE;

  private final HeaderDiagnosis headers;

  HeadersApiController(HeaderDiagnosis headers) {
    this.headers = headers;
  }

  /** The typed report; {@code recheck=false} skips the DNS re-check of SPF, DKIM and DMARC. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(READ)
  HeaderDiagnosisReport analyzeUpload(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "true") boolean recheck) {
    try (InputStream in = upload(file)) {
      return headers.analyze(in, recheck).report();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PostMapping
  @PreAuthorize(READ)
  HeaderDiagnosisReport analyze(
      InputStream body, @RequestParam(defaultValue = "true") boolean recheck) {
    return headers.analyze(body, recheck).report();
  }

  /**
   * The header block with addresses, names and the subject masked (each can be turned off), and
   * further fields ({@code field}) and IP addresses ({@code ips=true}) on request, as text.
   */
  @PostMapping(path = "/redacted", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(READ)
  ResponseEntity<String> redactUpload(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "true") boolean addresses,
      @RequestParam(defaultValue = "true") boolean names,
      @RequestParam(defaultValue = "true") boolean subject,
      @RequestParam(defaultValue = "false") boolean ips,
      @RequestParam(name = "field", required = false) List<String> fields,
      @RequestParam(name = "keepDomain", required = false) List<String> keep) {
    try (InputStream in = upload(file)) {
      return redact(in, new RedactionChoice(addresses, names, subject, ips, fields, keep));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PostMapping("/redacted")
  @PreAuthorize(READ)
  ResponseEntity<String> redact(
      InputStream body,
      @RequestParam(defaultValue = "true") boolean addresses,
      @RequestParam(defaultValue = "true") boolean names,
      @RequestParam(defaultValue = "true") boolean subject,
      @RequestParam(defaultValue = "false") boolean ips,
      @RequestParam(name = "field", required = false) List<String> fields,
      @RequestParam(name = "keepDomain", required = false) List<String> keep) {
    return redact(body, new RedactionChoice(addresses, names, subject, ips, fields, keep));
  }

  private ResponseEntity<String> redact(InputStream in, RedactionChoice choice) {
    try {
      String block = HeaderBlockText.of(in.readNBytes(HopAnalyzer.MAX_HEADER_BYTES));
      return HeadersController.download(headers.redact(block, choice.options()).text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream upload(MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException(
          "file", "diagnosis.message-empty", "send the message as the multipart field 'file'");
    }
    return file.getInputStream();
  }
}
