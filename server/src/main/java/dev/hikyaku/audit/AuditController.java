package dev.hikyaku.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** The auditor's view of the operation log: filter, page back, export, verify the chain. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

  private final AuditRepository repository;
  private final AuditExport export;
  private final AuditVerifier verifier;

  AuditController(AuditRepository repository, AuditExport export, AuditVerifier verifier) {
    this.repository = repository;
    this.export = export;
    this.verifier = verifier;
  }

  @GetMapping("/audit")
  String list(
      AuditQuery query,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    var entries = repository.find(query);
    model.addAttribute("query", query);
    model.addAttribute("entries", entries);
    model.addAttribute(
        "olderThan",
        entries.size() == query.limit() ? entries.get(entries.size() - 1).seq() : null);
    // htmx asks for the table only when the filter changes.
    return htmx != null ? "audit/list :: results" : "audit/list";
  }

  @GetMapping("/audit/verify")
  String verify(Model model) {
    switch (verifier.verify()) {
      case ChainVerification.Intact i -> {
        model.addAttribute("intact", true);
        model.addAttribute("entries", i.entries());
        model.addAttribute("headHash", i.headHash());
      }
      case ChainVerification.Broken b -> {
        model.addAttribute("intact", false);
        model.addAttribute("brokenAt", b.seq());
        model.addAttribute("reason", b.reason());
      }
    }
    return "audit/verify";
  }

  @GetMapping("/audit/export.csv")
  void csv(AuditQuery query, HttpServletResponse response) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"hikyaku-audit.csv\"");
    export.csv(query, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
  }

  @GetMapping("/audit/export.json")
  void json(AuditQuery query, HttpServletResponse response) throws IOException {
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"hikyaku-audit.json\"");
    export.json(query, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
  }
}
