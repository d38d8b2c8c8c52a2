package dev.hikyaku.web;

import dev.hikyaku.identity.network.NetworkDeniedException;
import dev.hikyaku.shared.InvalidInputException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error the API's controllers raise: Spring's own (bad JSON,
 * wrong method, ...) through the base class, and ours here.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://hikyaku.dev/problems/";

  @ExceptionHandler
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setType(URI.create(TYPE_BASE + "invalid-input"));
    p.setTitle("Invalid input");
    p.setProperty("field", e.field());
    p.setProperty("code", e.code());
    return p;
  }

  @ExceptionHandler
  ProblemDetail networkDenied(NetworkDeniedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    p.setType(URI.create(TYPE_BASE + "ip-rule"));
    p.setTitle("Network not allowed");
    p.setProperty("rule", e.denial().scope().key());
    return p;
  }

  /** Let Spring Security's handler answer (and log) method-security refusals. */
  @ExceptionHandler
  void accessDenied(AccessDeniedException e) {
    throw e;
  }
}
