package dev.hikyaku.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Support pages: every message to one address with each attempt (seed 000's "it didn't arrive"),
 * and the capture mailbox of a fresh install.
 */
@Controller
class DeliveriesController {

  static final String SUPPORT = "hasAnyRole('OPERATOR', 'AUDITOR')";
  static final String CAPTURE = "hasAnyRole('AUTHOR', 'APPROVER', 'OPERATOR')";

  private final DeliveryService delivery;

  DeliveriesController(DeliveryService delivery) {
    this.delivery = delivery;
  }

  @GetMapping("/deliveries")
  @PreAuthorize(SUPPORT)
  String lookup(@RequestParam(defaultValue = "") String recipient, Model model) {
    model.addAttribute("recipient", recipient);
    model.addAttribute(
        "records", recipient.isBlank() ? List.of() : delivery.forRecipient(recipient));
    return "delivery/lookup";
  }

  @GetMapping("/capture")
  @PreAuthorize(CAPTURE)
  String capture(@RequestParam(defaultValue = "0") long before, Model model) {
    List<CapturedMessage> messages = delivery.captured(before, 100);
    model.addAttribute("messages", messages);
    model.addAttribute("mode", delivery.mode());
    model.addAttribute(
        "next", messages.size() == 100 ? messages.get(messages.size() - 1).id() : null);
    return "delivery/capture";
  }

  @GetMapping("/capture/{id}.eml")
  @PreAuthorize(CAPTURE)
  ResponseEntity<byte[]> captured(@PathVariable long id) {
    return delivery
        .capturedContent(id)
        .map(bytes ->
            ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("message/rfc822"))
                .header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                        .filename("captured-" + id + ".eml", StandardCharsets.UTF_8)
                        .build()
                        .toString())
                .body(bytes))
        .orElse(ResponseEntity.notFound().build());
  }
}
