package dev.hikyaku.audience;

import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's CSV import: upload, the dry-run report, confirm or discard. */
@Controller
class ImportsController {

  private final ImportService imports;
  private final AudiencesController audiences;

  ImportsController(ImportService imports, AudiencesController audiences) {
    this.imports = imports;
    this.audiences = audiences;
  }

  @PostMapping("/audiences/{id}/imports")
  @PreAuthorize(AudiencesController.WRITE)
  String upload(
      @PathVariable long id,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletResponse response) {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInputException("file", "import.file.empty-file", "choose a file");
      }
      ImportReport report = imports.dryRun(id, file.getOriginalFilename(), file.getInputStream());
      return "redirect:/audiences/" + id + "/imports/" + report.id();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidInputException e) {
      if (e.code().startsWith("no-such-")) {
        throw e;
      }
      response.setStatus(400);
      model.addAttribute("error", e);
      return audiences.show(id, 0, "", model);
    }
  }

  @GetMapping("/audiences/{id}/imports/{importId}")
  @PreAuthorize(AudiencesController.READ)
  String show(@PathVariable long id, @PathVariable long importId, Model model) {
    ImportReport report = report(id, importId);
    model.addAttribute("report", report);
    return "audiences/import";
  }

  @PostMapping("/audiences/{id}/imports/{importId}/confirm")
  @PreAuthorize(AudiencesController.WRITE)
  String confirm(@PathVariable long id, @PathVariable long importId, RedirectAttributes redirect) {
    report(id, importId);
    ImportReport done = imports.confirm(importId);
    redirect.addFlashAttribute("imported", done);
    return "redirect:/audiences/" + id;
  }

  @PostMapping("/audiences/{id}/imports/{importId}/discard")
  @PreAuthorize(AudiencesController.WRITE)
  String discard(@PathVariable long id, @PathVariable long importId, RedirectAttributes redirect) {
    report(id, importId);
    imports.discard(importId);
    redirect.addFlashAttribute("discarded", true);
    return "redirect:/audiences/" + id;
  }

  /** The import, if it belongs to this audience. */
  private ImportReport report(long audienceId, long importId) {
    ImportReport report = imports.report(importId);
    if (report.audienceId() != audienceId) {
      throw new InvalidInputException("id", "no-such-import", "no import " + importId);
    }
    return report;
  }
}
