package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.shared.Problems;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Incident reports over the API: {@code POST /api/v1/incidents} files one (JSON with base64
 * attachments, or multipart with a {@code request} JSON part and {@code headers} and {@code logs}
 * file parts) and returns the report; {@code GET /api/v1/incidents/{id}} is the JSON report and
 * {@code GET /api/v1/incidents/{id}.md} the Markdown, in {@code ?lang=ja|en} or the
 * Accept-Language.
 */
@RestController
@RequestMapping("/api/v1")
class IncidentsApiController {

  private static final String READ =
      IntakeController.ANYONE + " and hasAuthority('SCOPE_incidents:read')";
  private static final String WRITE =
      IntakeController.ANYONE + " and hasAuthority('SCOPE_incidents:write')";

  private final IntakeService intake;
  private final ReportViews views;

  IncidentsApiController(IntakeService intake, ReportViews views) {
    this.intake = intake;
    this.views = views;
  }

  @PostMapping(path = "/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  ReportView file(
      @RequestBody IntakeRequest request,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = "Accept-Language", required = false) String accept) {
    return created(request, request.message(), request.logUploads(), lang, accept);
  }

  @PostMapping(path = "/incidents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  ReportView fileMultipart(
      @RequestPart("request") IntakeRequest request,
      @RequestPart(name = "headers", required = false) MultipartFile headers,
      @RequestPart(name = "logs", required = false) List<MultipartFile> logs,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = "Accept-Language", required = false) String accept) {
    Upload message = MultipartUploads.of(headers);
    List<Upload> all = new ArrayList<>(request.logUploads());
    all.addAll(MultipartUploads.of(logs));
    return created(request, message != null ? message : request.message(), all, lang, accept);
  }

  @GetMapping("/incidents")
  @PreAuthorize(READ)
  List<IncidentListItem> list() {
    return intake.list();
  }

  @GetMapping("/incidents/{id}")
  @PreAuthorize(READ)
  ReportView get(
      @PathVariable long id,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = "Accept-Language", required = false) String accept) {
    ReportView view = views.view(intake.get(id), ReportViews.language(lang, primary(accept)));
    intake.recordExport(id, "json", view.lang());
    return view;
  }

  @GetMapping("/incidents/{id}.md")
  @PreAuthorize(READ)
  ResponseEntity<byte[]> markdown(
      @PathVariable long id,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = "Accept-Language", required = false) String accept) {
    ReportView view = views.view(intake.get(id), ReportViews.language(lang, primary(accept)));
    intake.recordExport(id, "markdown", view.lang());
    return IntakeController.download(
        MarkdownReport.render(view, views).getBytes(StandardCharsets.UTF_8),
        new MediaType("text", "markdown", StandardCharsets.UTF_8),
        "incident-" + id + "-" + view.lang() + ".md");
  }

  private ReportView created(
      IntakeRequest request, Upload message, List<Upload> logs, String lang, String accept) {
    long id =
        intake.file(
            new Filing(
                request.kind(),
                request.answerLists(),
                true,
                message,
                request.headers(),
                logs,
                request.redactionChoice()));
    return views.view(intake.get(id), ReportViews.language(lang, primary(accept)));
  }

  /** Every problem of a refused filing, not only the first, with the field each concerns. */
  @ExceptionHandler
  ProblemDetail refused(IntakeInputException e) {
    ProblemDetail p =
        Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
    p.setProperty("field", e.field());
    p.setProperty("code", e.code());
    p.setProperty(
        "problems",
        e.problems().stream()
            .map(x -> Map.of("field", x.field(), "code", x.code(), "detail", x.english()))
            .toList());
    return p;
  }

  /** The first language of an Accept-Language header ({@code ja-JP,ja;q=0.9} gives {@code ja}). */
  private static String primary(String accept) {
    if (accept == null || accept.isBlank()) {
      return null;
    }
    String first = accept.split(",")[0].split(";")[0].strip();
    int dash = first.indexOf('-');
    return dash < 0 ? first : first.substring(0, dash);
  }
}
