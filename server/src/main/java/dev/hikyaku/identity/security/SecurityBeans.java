package dev.hikyaku.identity.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Security beans the server and the CLI both need: password hashing, the session store. */
@Configuration(proxyBeanMethods = false)
class SecurityBeans {

  /** Where a console sign-in lives between requests: the HTTP session. */
  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  /** Argon2id for new hashes (RFC 9106); bcrypt hashes (from imports) still verify. */
  @Bean
  PasswordEncoder passwordEncoder() {
    String argon = "argon2@SpringSecurity_v5_8";
    return new DelegatingPasswordEncoder(
        argon,
        Map.of(
            argon,
            Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt",
            new BCryptPasswordEncoder()));
  }
}
