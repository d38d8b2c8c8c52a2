package dev.hikyaku.audience;

import dev.hikyaku.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import over the API: {@code POST /api/v1/audiences/{id}/imports} (multipart, field {@code
 * file}) checks a file and returns the dry-run report; then confirm or discard it.
 */
@RestController
@RequestMapping("/api/v1")
class ImportsApiController {

  private static final String READ =
      AudiencesController.READ + " and hasAuthority('SCOPE_audiences:read')";
  private static final String WRITE =
      AudiencesController.WRITE + " and hasAuthority('SCOPE_audiences:write')";

  private final ImportService imports;

  ImportsApiController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping("/audiences/{id}/imports")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  ImportReport upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "import.file.empty-file", "send the CSV as 'file'");
    }
    try {
      return imports.dryRun(id, file.getOriginalFilename(), file.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/imports/{id}")
  @PreAuthorize(READ)
  ImportReport get(@PathVariable long id) {
    return imports.report(id);
  }

  /** Every issue, in line order; page with {@code after} = the last line of the previous page. */
  @GetMapping("/imports/{id}/issues")
  @PreAuthorize(READ)
  List<ImportReport.Issue> issues(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "1000") int limit) {
    return imports.issues(id, after, limit);
  }

  @PostMapping("/imports/{id}/confirm")
  @PreAuthorize(WRITE)
  ImportReport confirm(@PathVariable long id) {
    return imports.confirm(id);
  }

  @DeleteMapping("/imports/{id}")
  @PreAuthorize(WRITE)
  ImportReport discard(@PathVariable long id) {
    return imports.discard(id);
  }
}
