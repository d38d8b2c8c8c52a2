package dev.hikyaku.identity.users;

import dev.hikyaku.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: account administration for admins' tokens. */
@RestController
@RequestMapping("/api/v1/users")
class UsersApiController {

  /** An account as the API shows it: no secrets. */
  record UserView(
      long id,
      String username,
      String displayName,
      String email,
      Set<Role> roles,
      boolean enabled,
      boolean mfaEnrolled,
      Instant lockedUntil,
      Instant createdAt) {
    static UserView of(User u) {
      return new UserView(
          u.id(),
          u.username(),
          u.displayName(),
          u.email(),
          u.roles(),
          u.enabled(),
          u.mfaEnrolled(),
          u.lockedUntil(),
          u.createdAt());
    }
  }

  /** A new account: the response carries the person's one-time setup link. */
  record CreateRequest(String username, String displayName, String email, List<String> roles) {}

  /** The created account and its setup link, shown this once. */
  record CreateResponse(UserView user, String setupUrl) {}

  /** Changes to an account; a field left out keeps its value. */
  record UpdateRequest(String displayName, String email, List<String> roles, Boolean enabled) {}

  private final UserService service;

  UsersApiController(UserService service) {
    this.service = service;
  }

  @GetMapping
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_users:read')")
  List<UserView> list() {
    return service.all().stream().map(UserView::of).toList();
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_users:read')")
  UserView get(@PathVariable long id) {
    return UserView.of(service.get(id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_users:write')")
  CreateResponse create(@RequestBody CreateRequest body) {
    var created =
        service.create(
            new UserService.NewUser(
                body.username(), body.displayName(), body.email(), body.roles()));
    return new CreateResponse(UserView.of(created.user()), created.setupUrl());
  }

  @PatchMapping("/{id}")
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_users:write')")
  UserView update(@PathVariable long id, @RequestBody UpdateRequest body) {
    return UserView.of(
        service.patch(id, body.displayName(), body.email(), body.roles(), body.enabled()));
  }
}
