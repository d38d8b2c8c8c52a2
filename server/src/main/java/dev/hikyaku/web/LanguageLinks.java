package dev.hikyaku.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The 日本語 | English links of every page: the same address with {@code lang} set, keeping a GET
 * request's query (an invitation's token, the operation log's filters). A POST's form fields are
 * never copied into a link (they may hold passwords); pages answering a POST set their own links
 * when the address alone is not enough.
 */
@ControllerAdvice
class LanguageLinks {

  @ModelAttribute
  void languageLinks(HttpServletRequest request, Model model) {
    model.addAttribute("langJa", link(request, "ja"));
    model.addAttribute("langEn", link(request, "en"));
  }

  static String link(HttpServletRequest request, String lang) {
    String query =
        "GET".equals(request.getMethod()) && request.getQueryString() != null
            ? Arrays.stream(request.getQueryString().split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("lang="))
                .collect(Collectors.joining("&"))
            : "";
    return request.getRequestURI() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + lang;
  }
}
