package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.headers.HopAnalyzer;
import dev.hikyaku.diagnose.redaction.Redaction;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's header analyzer: paste headers or upload an .eml, see the hops, authentication,
 * spam verdicts, encoding and findings, and download the headers redacted for a partner.
 */
@Controller
class HeadersController {

  private final HeaderDiagnosis headers;
  private final DiagnosisProperties properties;

  HeadersController(HeaderDiagnosis headers, DiagnosisProperties properties) {
    this.headers = headers;
    this.properties = properties;
  }

  @GetMapping("/diagnosis/headers")
  @PreAuthorize(DiagnosisAccess.ANALYZE)
  String form(Model model) {
    model.addAttribute("recheck", true);
    return page(model);
  }

  @PostMapping("/diagnosis/headers")
  @PreAuthorize(DiagnosisAccess.ANALYZE)
  String analyze(
      @RequestParam(name = "headers", defaultValue = "") String pasted,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean recheck,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("recheck", recheck);
    try (InputStream in = open(pasted, file)) {
      HeaderDiagnosis.Analysis analysis = headers.analyze(in, recheck);
      model.addAttribute("report", analysis.report());
      model.addAttribute("headerBlock", analysis.headerBlock());
      model.addAttribute(
          "source", file != null && !file.isEmpty() ? file.getOriginalFilename() : "");
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute("pasted", pasted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return page(model);
  }

  /** The header block with the chosen data masked, as a text file to hand to a partner. */
  @PostMapping("/diagnosis/headers/redacted")
  @PreAuthorize(DiagnosisAccess.ANALYZE)
  Object redacted(
      @RequestParam(name = "headers", defaultValue = "") String pasted,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean addresses,
      @RequestParam(defaultValue = "false") boolean names,
      @RequestParam(defaultValue = "false") boolean subject,
      @RequestParam(defaultValue = "false") boolean ips,
      @RequestParam(required = false) List<String> fields,
      @RequestParam(name = "keep", required = false) List<String> keep,
      Model model,
      HttpServletResponse response) {
    try (InputStream in = open(pasted, file)) {
      RedactionChoice choice = new RedactionChoice(addresses, names, subject, ips, fields, keep);
      String block = HeaderBlockText.of(in.readNBytes(HopAnalyzer.MAX_HEADER_BYTES));
      Redaction redaction = headers.redact(block, choice.options());
      return download(redaction.text());
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute("pasted", pasted);
      model.addAttribute("recheck", true);
      return page(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResponseEntity<String> download(String text) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("headers-redacted.txt").build().toString())
        .body(text);
  }

  /** The uploaded file if there is one, else the pasted text. */
  private static InputStream open(String pasted, MultipartFile file) throws IOException {
    if (file != null && !file.isEmpty()) {
      return file.getInputStream();
    }
    return new ByteArrayInputStream(pasted.getBytes(StandardCharsets.UTF_8));
  }

  private String page(Model model) {
    model.addAttribute("limit", Sizes.text(properties.maxMessageSize()));
    return "diagnosis/headers";
  }
}
