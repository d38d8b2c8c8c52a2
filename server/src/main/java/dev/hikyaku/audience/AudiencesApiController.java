package dev.hikyaku.audience;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/audiences} and {@code /api/v1/suppressions}. */
@RestController
@RequestMapping("/api/v1")
class AudiencesApiController {

  private static final String READ =
      AudiencesController.READ + " and hasAuthority('SCOPE_audiences:read')";
  private static final String WRITE =
      AudiencesController.WRITE + " and hasAuthority('SCOPE_audiences:write')";

  /** A new audience. */
  record AudienceRequest(String name, String description) {}

  /** A contact to add or update (matched by address). */
  record ContactRequest(
      String email, String name, String company, Map<String, String> attributes) {}

  /** An address to suppress by hand. */
  record SuppressionRequest(String email, String note) {}

  private final AudienceService audiences;
  private final SuppressionService suppressions;

  AudiencesApiController(AudienceService audiences, SuppressionService suppressions) {
    this.audiences = audiences;
    this.suppressions = suppressions;
  }

  @GetMapping("/audiences")
  @PreAuthorize(READ)
  List<Audience> list() {
    return audiences.list();
  }

  @PostMapping("/audiences")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  Audience create(@RequestBody(required = false) AudienceRequest body) {
    return body == null
        ? audiences.create(null, null)
        : audiences.create(body.name(), body.description());
  }

  @GetMapping("/audiences/{id}")
  @PreAuthorize(READ)
  Audience get(@PathVariable long id) {
    return audiences.get(id);
  }

  @DeleteMapping("/audiences/{id}")
  @PreAuthorize(WRITE)
  ResponseEntity<Void> delete(@PathVariable long id) {
    audiences.delete(id);
    return ResponseEntity.noContent().build();
  }

  /** Contacts in id order; page with {@code after} = the last id of the previous page. */
  @GetMapping("/audiences/{id}/contacts")
  @PreAuthorize(READ)
  List<Contact> contacts(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "") String q) {
    return audiences.contacts(id, after, limit, q);
  }

  @PostMapping("/audiences/{id}/contacts")
  @PreAuthorize(WRITE)
  Contact putContact(@PathVariable long id, @RequestBody(required = false) ContactRequest body) {
    ContactRequest c = body == null ? new ContactRequest(null, null, null, null) : body;
    return audiences.putContact(id, c.email(), c.name(), c.company(), c.attributes());
  }

  @DeleteMapping("/audiences/{id}/contacts/{contactId}")
  @PreAuthorize(WRITE)
  ResponseEntity<Void> removeContact(@PathVariable long id, @PathVariable long contactId) {
    audiences.removeContact(id, contactId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/suppressions")
  @PreAuthorize(READ)
  List<Suppression> suppressions(
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "") String q) {
    return suppressions.page(after, limit, q);
  }

  @PostMapping("/suppressions")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  Map<String, Object> suppress(@RequestBody(required = false) SuppressionRequest body) {
    SuppressionRequest s = body == null ? new SuppressionRequest(null, null) : body;
    boolean added = suppressions.suppressManually(s.email(), s.note());
    return Map.of("email", s.email(), "added", added);
  }

  @DeleteMapping("/suppressions/{email}")
  @PreAuthorize("hasRole('OPERATOR') and hasAuthority('SCOPE_audiences:write')")
  ResponseEntity<Void> unsuppress(@PathVariable String email) {
    suppressions.remove(email);
    return ResponseEntity.noContent().build();
  }
}
