package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnosis.intake.IntakeInputException.Problem;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's trouble intake: the guided form (the kind first; htmx swaps in its checklist, and
 * without script a Continue button does), filing, the list, the report page and its Markdown and
 * JSON exports in the viewer's language or {@code ?lang=}.
 */
@Controller
class IntakeController {

  /** Anyone with a role: trouble is everyone's. Who reads which report is the service's rule. */
  static final String ANYONE = "hasAnyRole('ADMIN', 'AUTHOR', 'APPROVER', 'OPERATOR', 'AUDITOR')";

  private final IntakeService intake;
  private final ReportViews views;
  private final JsonMapper json;

  IntakeController(IntakeService intake, ReportViews views, JsonMapper json) {
    this.intake = intake;
    this.views = views;
    this.json = json;
  }

  /** The kinds of trouble, for the form's first question. */
  @ModelAttribute("kinds")
  List<TroubleKind> kinds() {
    return List.of(TroubleKind.values());
  }

  @GetMapping("/incidents")
  @PreAuthorize(ANYONE)
  String list(Model model) {
    model.addAttribute("incidents", intake.list());
    return "diagnosis/intake/list";
  }

  @GetMapping("/incidents/new")
  @PreAuthorize(ANYONE)
  String form(
      @RequestParam(defaultValue = "") String kind,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    TroubleKind chosen = kind.isBlank() ? null : parseOrNull(kind);
    model.addAttribute("form", IntakeForm.blank(chosen));
    // htmx asks for the checklist only when the kind changes.
    return htmx != null ? "diagnosis/intake/new :: questions" : "diagnosis/intake/new";
  }

  @PostMapping("/incidents")
  @PreAuthorize(ANYONE)
  String file(
      @RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "headersFile", required = false) MultipartFile headersFile,
      @RequestParam(name = "logFiles", required = false) List<MultipartFile> logFiles,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    String kind = params.getFirst("kind");
    Map<String, List<String>> answers = IntakeForm.answers(params);
    String pasted = params.getFirst("headersText");
    RedactionChoice redaction = redaction(params);
    try {
      long id =
          intake.file(
              new Filing(
                  kind,
                  answers,
                  false,
                  MultipartUploads.of(headersFile),
                  pasted,
                  MultipartUploads.of(logFiles),
                  redaction));
      return "redirect:/incidents/" + id;
    } catch (IntakeInputException e) {
      response.setStatus(400);
      Map<String, List<String>> errors = new LinkedHashMap<>();
      for (Problem p : e.problems()) {
        errors
            .computeIfAbsent(p.field(), f -> new ArrayList<>())
            .add(views.textOr(locale, "error." + p.code(), p.english(), p.args().toArray()));
      }
      boolean filesChosen =
          MultipartUploads.of(headersFile) != null || !MultipartUploads.of(logFiles).isEmpty();
      model.addAttribute(
          "form",
          IntakeForm.posted(
              parseOrNull(kind), answers, pasted == null ? "" : pasted, redaction, errors));
      model.addAttribute("filesAgain", filesChosen);
      return "diagnosis/intake/new";
    }
  }

  @GetMapping("/incidents/{id}")
  @PreAuthorize(ANYONE)
  String show(@PathVariable long id, Locale locale, Model model) {
    StoredIncident stored = intake.get(id);
    model.addAttribute("report", views.view(stored, ReportViews.language(locale.getLanguage())));
    return "diagnosis/intake/show";
  }

  @GetMapping("/incidents/{id}.md")
  @PreAuthorize(ANYONE)
  ResponseEntity<byte[]> markdown(@PathVariable long id, Locale locale) {
    ReportView view = views.view(intake.get(id), ReportViews.language(locale.getLanguage()));
    intake.recordExport(id, "markdown", view.lang());
    return download(
        MarkdownReport.render(view, views).getBytes(StandardCharsets.UTF_8),
        new MediaType("text", "markdown", StandardCharsets.UTF_8),
        "incident-" + id + "-" + view.lang() + ".md");
  }

  @GetMapping("/incidents/{id}.json")
  @PreAuthorize(ANYONE)
  ResponseEntity<byte[]> jsonExport(@PathVariable long id, Locale locale) {
    ReportView view = views.view(intake.get(id), ReportViews.language(locale.getLanguage()));
    intake.recordExport(id, "json", view.lang());
    return download(
        json.writeValueAsBytes(view),
        MediaType.APPLICATION_JSON,
        "incident-" + id + "-" + view.lang() + ".json");
  }

  static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }

  /**
   * The redaction boxes. The form always sends {@code redaction=shown}; without it (a client
   * posting by hand) the defaults apply, so nothing goes out unmasked by omission.
   */
  private static RedactionChoice redaction(MultiValueMap<String, String> params) {
    if (!"shown".equals(params.getFirst("redaction"))) {
      return RedactionChoice.defaults();
    }
    String kept = params.getFirst("keepDomains");
    return new RedactionChoice(
        params.containsKey("redactAddresses"),
        params.containsKey("redactNames"),
        params.containsKey("redactSubject"),
        params.containsKey("redactIps"),
        kept == null ? List.of() : List.of(kept.split("[,\\s]+")));
  }

  private static TroubleKind parseOrNull(String kind) {
    try {
      return TroubleKind.parse(kind);
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
