package dev.hikyaku.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/audit}: the operation log for auditors' tokens. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR') and hasAuthority('SCOPE_audit:read')")
class AuditApiController {

  /** The chain's state as the API reports it. */
  record VerifyResponse(
      boolean intact, long entries, String headHash, Long brokenAt, String reason) {}

  private final AuditRepository repository;
  private final AuditExport export;
  private final AuditVerifier verifier;

  AuditApiController(AuditRepository repository, AuditExport export, AuditVerifier verifier) {
    this.repository = repository;
    this.export = export;
    this.verifier = verifier;
  }

  @GetMapping("/events")
  List<AuditEntry> events(AuditQuery query) {
    return repository.find(query);
  }

  @GetMapping("/export")
  void export(
      @RequestParam(defaultValue = "json") String format,
      AuditQuery query,
      HttpServletResponse response)
      throws IOException {
    var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    if (format.equals("csv")) {
      response.setContentType("text/csv;charset=UTF-8");
      export.csv(query, out);
    } else {
      response.setContentType("application/json;charset=UTF-8");
      export.json(query, out);
    }
  }

  @GetMapping("/verify")
  VerifyResponse verify() {
    return switch (verifier.verify()) {
      case ChainVerification.Intact i ->
          new VerifyResponse(true, i.entries(), i.headHash(), null, null);
      case ChainVerification.Broken b -> new VerifyResponse(false, 0, null, b.seq(), b.reason());
    };
  }
}
