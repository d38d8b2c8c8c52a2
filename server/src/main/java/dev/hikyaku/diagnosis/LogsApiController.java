package dev.hikyaku.diagnosis;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/diagnosis/logs}: the log analyzer over the API. Postfix logs (plain or gzip) come
 * as multipart fields {@code file} (repeatable), or one log as the request body, which is read as
 * it arrives, so a log of any size is analysed in bounded memory. {@code trace} (repeatable) lists
 * the matching messages; {@code date} is the date the log ends. {@code
 * /api/v1/diagnosis/deliveries} traces through Hikyaku's own delivery records instead.
 */
@RestController
@RequestMapping("/api/v1/diagnosis")
class LogsApiController {

  private static final String READ = DiagnosisAccess.ANALYZE + DiagnosisAccess.SCOPE;
  private static final String DELIVERIES = DiagnosisAccess.DELIVERIES + DiagnosisAccess.SCOPE;

  private final LogDiagnosis logs;
  private final DeliveryTrace deliveries;

  LogsApiController(LogDiagnosis logs, DeliveryTrace deliveries) {
    this.logs = logs;
    this.deliveries = deliveries;
  }

  @PostMapping(path = "/logs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(READ)
  LogDiagnosisReport analyzeUploads(
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      @RequestParam(required = false) List<String> trace,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    List<LogDiagnosis.LogUpload> uploads =
        files == null
            ? List.of()
            : files.stream()
                .map(f -> new LogDiagnosis.LogUpload(f.getOriginalFilename(), f::getInputStream))
                .toList();
    return logs.analyze(uploads, new TraceTerms(trace), Optional.ofNullable(date));
  }

  @PostMapping("/logs")
  @PreAuthorize(READ)
  LogDiagnosisReport analyze(
      InputStream body,
      @RequestParam(required = false) List<String> trace,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    return logs.analyze(
        List.of(new LogDiagnosis.LogUpload("body", () -> body)),
        new TraceTerms(trace),
        Optional.ofNullable(date));
  }

  @GetMapping("/deliveries")
  @PreAuthorize(DELIVERIES)
  DeliveryTrace.Report deliveries(@RequestParam(required = false) List<String> trace) {
    return deliveries.trace(new TraceTerms(trace));
  }
}
