package dev.hikyaku.domains;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/domains}: sending domains, their DNS records, verification and key rotation. */
@RestController
@RequestMapping("/api/v1/domains")
class DomainsApiController {

  private static final String READ =
      "hasAnyRole('OPERATOR', 'AUTHOR', 'APPROVER') and hasAuthority('SCOPE_domains:read')";
  private static final String WRITE = "hasRole('OPERATOR') and hasAuthority('SCOPE_domains:write')";

  /** A domain to add. */
  record AddRequest(String name) {}

  private final SendingDomainService domains;

  DomainsApiController(SendingDomainService domains) {
    this.domains = domains;
  }

  @GetMapping
  @PreAuthorize(READ)
  List<SendingDomain> list() {
    return domains.list();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  DomainDetails add(@RequestBody(required = false) AddRequest body) {
    return domains.add(body == null ? null : body.name());
  }

  @GetMapping("/{id}")
  @PreAuthorize(READ)
  DomainDetails get(@PathVariable long id) {
    return domains.details(id);
  }

  @PostMapping("/{id}/verify")
  @PreAuthorize(WRITE)
  Verification verify(@PathVariable long id) {
    return domains.verify(id);
  }

  @PostMapping("/{id}/rotate")
  @PreAuthorize(WRITE)
  DomainDetails rotate(@PathVariable long id) {
    return domains.rotate(id);
  }

  @DeleteMapping("/{id}")
  @PreAuthorize(WRITE)
  ResponseEntity<Void> delete(@PathVariable long id) {
    domains.remove(id);
    return ResponseEntity.noContent().build();
  }
}
