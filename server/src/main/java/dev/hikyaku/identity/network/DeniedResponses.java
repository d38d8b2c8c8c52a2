package dev.hikyaku.identity.network;

import dev.hikyaku.shared.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a 403 for a request refused by an IP rule, from inside the security filter chain: the
 * console's page (in the person's language) or the API's problem document, both naming the rule.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public class DeniedResponses {

  private final ThymeleafViewResolver views;
  private final LocaleResolver locales;
  private final JsonMapper json;

  DeniedResponses(ThymeleafViewResolver views, LocaleResolver locales, JsonMapper json) {
    this.views = views;
    this.locales = locales;
    this.json = json;
  }

  public void page(NetworkDenial denial, HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    // Outside the DispatcherServlet: give the view the locale resolver it would have provided, and
    // honour ?lang= as everywhere else (its interceptor runs only after this filter).
    request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
    String lang = request.getParameter("lang");
    if ("ja".equals(lang) || "en".equals(lang)) {
      locales.setLocale(request, response, Locale.forLanguageTag(lang));
    }
    Locale locale = locales.resolveLocale(request);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setLocale(locale);
    try {
      views
          .resolveViewName("error/network", locale)
          .render(Map.of("denial", denial), request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException("cannot render the IP-rule refusal page", e);
    }
  }

  /** The problem document for a refusal: type {@code ip-rule}, with the rule's scope. */
  public static ProblemDetail problem(NetworkDenial denial) {
    ProblemDetail p =
        Problems.of(HttpStatus.FORBIDDEN, "ip-rule", "Network not allowed", denial.message());
    p.setProperty("rule", denial.scope().key());
    return p;
  }

  public void problem(
      NetworkDenial denial, HttpServletRequest request, HttpServletResponse response)
      throws java.io.IOException {
    ProblemDetail p = problem(denial);
    p.setInstance(URI.create(request.getRequestURI()));
    Problems.write(response, p, json);
  }
}
