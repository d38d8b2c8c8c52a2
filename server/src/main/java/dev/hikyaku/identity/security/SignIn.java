package dev.hikyaku.identity.security;

import dev.hikyaku.identity.users.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Puts a console sign-in state into the session, with a fresh session id each time. */
@Component
public class SignIn {

  private final SecurityContextRepository contexts;

  SignIn(SecurityContextRepository contexts) {
    this.contexts = contexts;
  }

  public void complete(User user, HttpServletRequest request, HttpServletResponse response) {
    store(Authentications.signedIn(user), request, response);
  }

  public void passwordVerified(
      User user,
      boolean enrolmentNeeded,
      HttpServletRequest request,
      HttpServletResponse response) {
    store(Authentications.passwordVerified(user, enrolmentNeeded), request, response);
  }

  private void store(
      Authentication auth, HttpServletRequest request, HttpServletResponse response) {
    request.getSession(true);
    request.changeSessionId(); // Each step up in privilege gets a new session id.
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
