package dev.hikyaku.diagnosis;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's diagnosis start page: the header analyzer, the log analyzer, the domain check. */
@Controller
class DiagnosisController {

  @GetMapping("/diagnosis")
  @PreAuthorize(DiagnosisAccess.ANALYZE)
  String index() {
    return "diagnosis/index";
  }
}
