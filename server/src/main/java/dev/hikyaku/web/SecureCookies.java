package dev.hikyaku.web;

import dev.hikyaku.identity.IdentityProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * Marks the session cookie Secure whenever people reach the console over HTTPS. Tomcat does so by
 * itself when it terminates TLS; behind a TLS-terminating reverse proxy it cannot tell, so an
 * {@code https://} public URL ({@code hikyaku.identity.public-url}) says it.
 */
@Component
class SecureCookies implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

  private final IdentityProperties identity;

  SecureCookies(IdentityProperties identity) {
    this.identity = identity;
  }

  @Override
  public void customize(ConfigurableServletWebServerFactory factory) {
    if (identity.publicUrl().startsWith("https://")) {
      factory.getSettings().getSession().getCookie().setSecure(true);
    }
  }
}
