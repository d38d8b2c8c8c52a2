package dev.hikyaku.delivery;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/deliveries} (every attempt per recipient) and the capture mailbox. */
@RestController
@RequestMapping("/api/v1")
class DeliveriesApiController {

  private final DeliveryService delivery;

  DeliveriesApiController(DeliveryService delivery) {
    this.delivery = delivery;
  }

  @GetMapping("/deliveries")
  @PreAuthorize(DeliveriesController.SUPPORT + " and hasAuthority('SCOPE_campaigns:read')")
  List<DeliveryRecord> forRecipient(@RequestParam(defaultValue = "") String recipient) {
    return delivery.forRecipient(recipient);
  }

  @GetMapping("/jobs/{id}/deliveries")
  @PreAuthorize(DeliveriesController.SUPPORT + " and hasAuthority('SCOPE_campaigns:read')")
  List<DeliveryRecord> ofJob(
      @PathVariable long id,
      @RequestParam(required = false) DeliveryState state,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    delivery.job(id);
    return delivery.deliveries(id, state, after, limit);
  }

  @GetMapping("/capture")
  @PreAuthorize(DeliveriesController.CAPTURE + " and hasAuthority('SCOPE_campaigns:read')")
  List<CapturedMessage> captured(
      @RequestParam(defaultValue = "0") long before,
      @RequestParam(defaultValue = "100") int limit) {
    return delivery.captured(before, limit);
  }

  @GetMapping("/capture/{id}")
  @PreAuthorize(DeliveriesController.CAPTURE + " and hasAuthority('SCOPE_campaigns:read')")
  ResponseEntity<byte[]> capturedContent(@PathVariable long id) {
    return delivery
        .capturedContent(id)
        .map(b ->
            ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822")).body(b))
        .orElse(ResponseEntity.notFound().build());
  }
}
