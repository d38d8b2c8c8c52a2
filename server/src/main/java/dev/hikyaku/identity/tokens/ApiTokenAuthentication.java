package dev.hikyaku.identity.tokens;

import dev.hikyaku.identity.SignedInUser;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request authenticated by an API token: the owner's roles plus the token's scopes. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

  private final SignedInUser user;
  private final String publicId;

  ApiTokenAuthentication(
      SignedInUser user, String publicId, Collection<? extends GrantedAuthority> authorities) {
    super(authorities);
    this.user = user;
    this.publicId = publicId;
    setAuthenticated(true);
  }

  public SignedInUser user() {
    return user;
  }

  public String publicId() {
    return publicId;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return user;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiTokenAuthentication other
        && other.publicId.equals(publicId)
        && super.equals(o);
  }

  @Override
  public int hashCode() {
    return publicId.hashCode();
  }
}
