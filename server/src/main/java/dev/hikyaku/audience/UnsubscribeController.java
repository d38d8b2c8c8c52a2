package dev.hikyaku.audience;

import dev.hikyaku.delivery.DeliveryRecord;
import dev.hikyaku.delivery.DeliveryService;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The unsubscribe link of every campaign message, {@code /u/<token>}: GET shows a page with a
 * button (link scanners and previews fetch with GET, so GET changes nothing), POST unsubscribes —
 * from that button, or as RFC 8058's one-click POST a mailbox provider sends with the body {@code
 * List-Unsubscribe=One-Click}. Public and without CSRF token by design: the token is the authority,
 * and it only ever unsubscribes its own recipient.
 */
@Controller
class UnsubscribeController {

  private final DeliveryService delivery;
  private final SuppressionService suppressions;

  UnsubscribeController(DeliveryService delivery, SuppressionService suppressions) {
    this.delivery = delivery;
    this.suppressions = suppressions;
  }

  @GetMapping("/u/{token}")
  String page(@PathVariable String token, Model model) {
    Optional<DeliveryRecord> d = delivery.byToken(token);
    model.addAttribute("known", d.isPresent());
    model.addAttribute("token", token);
    model.addAttribute("done", d.map(r -> suppressions.isSuppressed(r.recipient())).orElse(false));
    model.addAttribute("hideLanguageSwitch", false);
    return "unsubscribe";
  }

  @PostMapping(value = "/u/{token}", params = "List-Unsubscribe")
  @ResponseBody
  ResponseEntity<String> oneClick(
      @PathVariable String token, @RequestParam("List-Unsubscribe") String value) {
    Optional<DeliveryRecord> d = delivery.byToken(token);
    if (d.isEmpty() || !"One-Click".equals(value)) {
      return ResponseEntity.badRequest().body("unknown unsubscribe link\n");
    }
    unsubscribe(d.get(), "one-click (RFC 8058)");
    return ResponseEntity.ok("unsubscribed\n");
  }

  @PostMapping(value = "/u/{token}", params = "!List-Unsubscribe")
  String confirm(@PathVariable String token, Model model) {
    Optional<DeliveryRecord> d = delivery.byToken(token);
    d.ifPresent(r -> unsubscribe(r, "unsubscribe page"));
    model.addAttribute("known", d.isPresent());
    model.addAttribute("token", token);
    model.addAttribute("done", d.isPresent());
    return "unsubscribe";
  }

  private void unsubscribe(DeliveryRecord d, String how) {
    suppressions.suppress(
        d.recipient(), Suppression.Reason.UNSUBSCRIBED, how + ", job " + d.jobId());
  }
}
