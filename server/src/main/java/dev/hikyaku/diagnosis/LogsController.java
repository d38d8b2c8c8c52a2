package dev.hikyaku.diagnosis;

import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's log analyzer: upload Postfix logs for a summary and a trace; or, for operators and
 * auditors, trace a message through Hikyaku's own delivery records. The page says which source the
 * answer came from.
 */
@Controller
class LogsController {

  private final LogDiagnosis logs;
  private final DeliveryTrace deliveries;
  private final DataSize uploadLimit;

  LogsController(
      LogDiagnosis logs,
      DeliveryTrace deliveries,
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize uploadLimit) {
    this.logs = logs;
    this.deliveries = deliveries;
    this.uploadLimit = uploadLimit;
  }

  /** The console's upload limit per file (the API's request body has none), for the page. */
  @ModelAttribute("uploadLimit")
  String uploadLimit() {
    return Sizes.text(uploadLimit);
  }

  @GetMapping("/diagnosis/logs")
  @PreAuthorize(DiagnosisAccess.ANALYZE)
  String form() {
    return "diagnosis/logs";
  }

  @PostMapping("/diagnosis/logs")
  @PreAuthorize(DiagnosisAccess.ANALYZE)
  String analyze(
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      @RequestParam(defaultValue = "") String trace,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("trace", trace);
    model.addAttribute("date", date);
    try {
      List<LogDiagnosis.LogUpload> uploads =
          files == null
              ? List.of()
              : files.stream()
                  .filter(f -> !f.isEmpty())
                  .map(f -> new LogDiagnosis.LogUpload(f.getOriginalFilename(), f::getInputStream))
                  .toList();
      model.addAttribute(
          "report",
          logs.analyze(uploads, new TraceTerms(List.of(trace)), Optional.ofNullable(date)));
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
    }
    return "diagnosis/logs";
  }

  /** A trace through Hikyaku's own delivery records, by address or Message-ID. */
  @GetMapping("/diagnosis/deliveries")
  @PreAuthorize(DiagnosisAccess.DELIVERIES)
  String deliveries(
      @RequestParam(defaultValue = "") String trace, Model model, HttpServletResponse response) {
    model.addAttribute("deliveryTrace", trace);
    if (!trace.isBlank()) {
      try {
        model.addAttribute("deliveryReport", deliveries.trace(new TraceTerms(List.of(trace))));
      } catch (InvalidInputException e) {
        response.setStatus(400);
        model.addAttribute("error", e);
      }
    }
    return "diagnosis/logs";
  }
}
