package dev.hikyaku.identity.security;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.network.ClientAddressResolver;
import dev.hikyaku.identity.network.DeniedResponses;
import dev.hikyaku.identity.network.IpRuleService;
import dev.hikyaku.identity.network.NetworkRuleFilter;
import dev.hikyaku.identity.network.NetworkRuleInterceptor;
import dev.hikyaku.identity.tokens.ApiTokenService;
import dev.hikyaku.identity.users.UserRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP security: a stateless chain for {@code /api} (bearer tokens, problem details) and a session
 * chain for the console (password, then TOTP), both behind the IP rules. Authorisation per endpoint
 * is declared on the controllers with {@code @PreAuthorize}; here every console page but the few
 * public ones requires a completed sign-in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration implements WebMvcConfigurer {

  /** No inline script or style anywhere; no framing; forms post only here. */
  static final String CONSOLE_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private final NetworkRuleInterceptor networkInterceptor;

  SecurityConfiguration(NetworkRuleInterceptor networkInterceptor) {
    this.networkInterceptor = networkInterceptor;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(networkInterceptor);
  }

  @Bean
  ProblemResponses problemResponses(JsonMapper json, CurrentActor actor) {
    return new ProblemResponses(json, actor);
  }

  /**
   * The unsubscribe links in campaign messages, {@code /u/<token>}: reached by recipients from
   * anywhere and by mailbox providers' one-click POSTs (RFC 8058), so no session, no CSRF token and
   * no IP rule; the token in the path is the only authority and unsubscribes only its recipient.
   */
  @Bean
  @Order(0)
  SecurityFilterChain unsubscribe(HttpSecurity http) throws Exception {
    http.securityMatcher("/u/**")
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONSOLE_CSP)))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ApiTokenService tokens,
      ProblemResponses problems,
      IpRuleService rules,
      ClientAddressResolver addresses,
      CurrentActor actor,
      DeniedResponses denied)
      throws Exception {
    http.securityMatcher("/api/**")
        .csrf(c -> c.disable()) // Bearer tokens only: no cookie is ever sent to /api.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(c -> c.disable())
        .addFilterAfter(
            new NetworkRuleFilter(IpScope.API, rules, addresses, actor, denied),
            SecurityContextHolderFilter.class)
        .addFilterBefore(
            new ApiTokenAuthenticationFilter(tokens, problems, actor),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a ->
            // Roles are checked here first, before a request body is even read, and again
            // with the scopes by @PreAuthorize on each controller method.
            a.requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json.yaml")
                .permitAll()
                .requestMatchers(
                    "/api/v1/users/**",
                    "/api/v1/users",
                    "/api/v1/ip-rules",
                    "/api/v1/ip-rules/**",
                    "/api/v1/settings")
                .hasRole("ADMIN")
                .requestMatchers("/api/v1/audit/**")
                .hasRole("AUDITOR")
                .anyRequest()
                .authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(h ->
            h.contentSecurityPolicy(
                    c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain console(
      HttpSecurity http,
      SecurityContextRepository contexts,
      UserRepository users,
      IpRuleService rules,
      ClientAddressResolver addresses,
      CurrentActor actor,
      DeniedResponses denied)
      throws Exception {
    // LoginAuthenticationProvider is the global AuthenticationManager's only provider (it is a
    // bean); registering it here too would run it twice per failed attempt via the parent manager.
    http.securityContext(c -> c.securityContextRepository(contexts))
        .addFilterAfter(
            new NetworkRuleFilter(IpScope.LOGIN, rules, addresses, actor, denied),
            SecurityContextHolderFilter.class)
        .addFilterBefore(new SessionValidityFilter(users), AuthorizationFilter.class)
        .authorizeHttpRequests(a ->
            a.requestMatchers(
                    "/login",
                    "/setup",
                    "/network-denied",
                    "/error",
                    "/css/**",
                    "/js/**",
                    "/webjars/**",
                    "/favicon.ico",
                    "/favicon.svg",
                    "/actuator/health",
                    "/actuator/health/**")
                .permitAll()
                .requestMatchers("/login/mfa")
                .hasAuthority(Authentications.PASSWORD_VERIFIED)
                .requestMatchers("/mfa/enrol")
                .hasAnyAuthority(Authentications.MFA_ENROLMENT, Authentications.SIGNED_IN)
                .anyRequest()
                .hasAuthority(Authentications.SIGNED_IN))
        .formLogin(f ->
            f.loginPage("/login")
                .successHandler(LoginHandlers.success())
                .failureHandler(LoginHandlers.failure()))
        .logout(l ->
            l.logoutUrl("/logout")
                .addLogoutHandler((request, response, auth) -> {
                  if (auth != null) {
                    actor.record("logout", "session", "", "");
                  }
                })
                .logoutSuccessUrl("/login?logout"))
        .exceptionHandling(e ->
            e.accessDeniedHandler((request, response, refusal) -> {
              var auth =
                  org.springframework.security.core.context.SecurityContextHolder.getContext()
                      .getAuthentication();
              if (!Authentications.has(auth, Authentications.SIGNED_IN)
                  && Authentications.has(auth, Authentications.PASSWORD_VERIFIED)) {
                // Half-way through sign-in: finish the second factor first.
                response.sendRedirect(
                    request.getContextPath()
                        + (Authentications.has(auth, Authentications.MFA_ENROLMENT)
                            ? "/mfa/enrol"
                            : "/login/mfa"));
                return;
              }
              actor.recordDenied(
                  "access.denied",
                  request.getMethod() + " " + request.getRequestURI(),
                  "role missing");
              response.sendError(403);
            }))
        .headers(h ->
            h.contentSecurityPolicy(c -> c.policyDirectives(CONSOLE_CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}
