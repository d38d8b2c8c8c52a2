package dev.hikyaku.delivery;

import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.RequiresNetwork;
import dev.hikyaku.shared.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/delivery/halt} and {@code /resume}: the emergency stop for scripts and monitoring.
 * Reading takes {@code campaigns:read}; pulling and releasing take {@code campaigns:send}, the
 * scope of starting and steering sends.
 */
@RestController
@RequestMapping("/api/v1/delivery")
class HaltApiController {

  private static final String READ =
      HaltController.STOP + " and hasAuthority('SCOPE_campaigns:read')";
  private static final String STOP =
      HaltController.STOP + " and hasAuthority('SCOPE_campaigns:send')";
  private static final String RESUME =
      HaltController.RESUME + " and hasAuthority('SCOPE_campaigns:send')";

  /** Whether sending is halted; who, since when and why when it is (null otherwise). */
  record HaltStatus(boolean halted, String by, Instant since, String reason) {
    static HaltStatus of(Optional<Halt> halt) {
      return halt.map(h -> new HaltStatus(true, h.by(), h.since(), h.reason()))
          .orElse(new HaltStatus(false, null, null, null));
    }
  }

  /** The body of a halt: why (may be empty, never refused; cut at 500 characters). */
  record HaltRequest(String reason) {}

  private final DeliveryService delivery;

  HaltApiController(DeliveryService delivery) {
    this.delivery = delivery;
  }

  @GetMapping("/halt")
  @PreAuthorize(READ)
  HaltStatus status() {
    return HaltStatus.of(delivery.halt());
  }

  /**
   * Pulls the stop. The body is required, so that a bare POST (a retried or stray request) halts
   * nothing; its reason may be empty.
   */
  @PostMapping("/halt")
  @PreAuthorize(STOP)
  HaltStatus halt(@RequestBody(required = false) HaltRequest body) {
    if (body == null) {
      throw new InvalidInputException(
          "reason", "halt-body-required", "send {\"reason\": \"...\"} to halt all sending");
    }
    return HaltStatus.of(Optional.of(delivery.haltAll(body.reason())));
  }

  @PostMapping("/resume")
  @PreAuthorize(RESUME)
  @RequiresNetwork(IpScope.SEND)
  HaltStatus resume() {
    delivery.resumeAll();
    return HaltStatus.of(delivery.halt());
  }
}
