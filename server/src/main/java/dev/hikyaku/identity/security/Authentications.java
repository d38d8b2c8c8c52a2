package dev.hikyaku.identity.security;

import dev.hikyaku.identity.Scope;
import dev.hikyaku.identity.users.User;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The two states of a console sign-in: password verified (may only finish the second factor or
 * enrol one), and signed in (roles, and every scope, since a session is the person).
 */
public final class Authentications {

  /** Password verified; the second factor is still due. */
  public static final String PASSWORD_VERIFIED = "HIKYAKU_PASSWORD_VERIFIED";

  /** Password verified and MFA is required but not enrolled yet. */
  public static final String MFA_ENROLMENT = "HIKYAKU_MFA_ENROLMENT";

  /** Every required factor done. */
  public static final String SIGNED_IN = "HIKYAKU_SIGNED_IN";

  private Authentications() {}

  public static Authentication signedIn(User user) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
    user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    for (Scope s : Scope.values()) {
      authorities.add(new SimpleGrantedAuthority(s.authority()));
    }
    return UsernamePasswordAuthenticationToken.authenticated(user.signedIn(), null, authorities);
  }

  public static Authentication passwordVerified(User user, boolean enrolmentNeeded) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(PASSWORD_VERIFIED));
    if (enrolmentNeeded) {
      authorities.add(new SimpleGrantedAuthority(MFA_ENROLMENT));
    }
    return UsernamePasswordAuthenticationToken.authenticated(user.signedIn(), null, authorities);
  }

  public static boolean has(Authentication auth, String authority) {
    return auth != null
        && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
  }
}
