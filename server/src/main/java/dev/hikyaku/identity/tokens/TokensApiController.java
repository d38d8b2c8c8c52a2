package dev.hikyaku.identity.tokens;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.shared.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me} and {@code /api/v1/tokens}: who the token is, and the owner's tokens. */
@RestController
@RequestMapping("/api/v1")
class TokensApiController {

  /** The token's owner and what this token may do. */
  record Me(
      long id,
      String username,
      String displayName,
      Set<Role> roles,
      String tokenId,
      List<String> scopes) {}

  /** A new token; its scopes must be among the calling token's. */
  record CreateRequest(String name, List<String> scopes, Integer validDays) {}

  /** A created token; {@code token} is the only copy of the secret. */
  record CreateResponse(ApiToken info, String token) {}

  private final ApiTokenService tokens;

  TokensApiController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/me")
  @PreAuthorize("isAuthenticated()")
  Me me(Authentication auth) {
    var token = (ApiTokenAuthentication) auth;
    SignedInUser u = token.user();
    return new Me(
        u.id(),
        u.username(),
        u.displayName(),
        u.roles(),
        token.publicId(),
        token.getAuthorities().stream()
            .map(a -> a.getAuthority())
            .filter(a -> a.startsWith("SCOPE_"))
            .map(a -> a.substring(6))
            .sorted()
            .toList());
  }

  @GetMapping("/tokens")
  @PreAuthorize("hasAuthority('SCOPE_tokens:read')")
  List<ApiToken> list(Authentication auth) {
    return tokens.listOf(((ApiTokenAuthentication) auth).user().id());
  }

  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SCOPE_tokens:write')")
  CreateResponse create(Authentication auth, @RequestBody CreateRequest body) {
    var caller = (ApiTokenAuthentication) auth;
    var held = caller.getAuthorities().stream().map(a -> a.getAuthority()).toList();
    for (String scope : body.scopes() == null ? List.<String>of() : body.scopes()) {
      if (!held.contains("SCOPE_" + scope)) {
        throw new InvalidInputException(
            "scopes", "scope-not-held", "a token cannot grant a scope it does not hold: " + scope);
      }
    }
    var created =
        tokens.create(
            caller.user(),
            body.name(),
            body.scopes(),
            body.validDays() == null ? 90 : body.validDays());
    return new CreateResponse(created.token(), created.secret());
  }

  @DeleteMapping("/tokens/{publicId}")
  @PreAuthorize("hasAuthority('SCOPE_tokens:write')")
  ResponseEntity<Void> revoke(Authentication auth, @PathVariable String publicId) {
    return tokens.revoke(((ApiTokenAuthentication) auth).user(), publicId)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }
}
