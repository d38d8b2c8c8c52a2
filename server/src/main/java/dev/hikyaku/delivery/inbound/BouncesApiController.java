package dev.hikyaku.delivery.inbound;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/bounces}: the messages the bounce listener accepted, oldest first. */
@RestController
@RequestMapping("/api/v1")
class BouncesApiController {

  private final BounceIntake intake;

  BouncesApiController(BounceIntake intake) {
    this.intake = intake;
  }

  @GetMapping("/bounces")
  @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR') and hasAuthority('SCOPE_campaigns:read')")
  List<ReceivedBounce> page(
      @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
    return intake.page(after, limit);
  }
}
