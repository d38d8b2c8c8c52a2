package dev.hikyaku.web;

import dev.hikyaku.identity.network.DeniedResponses;
import dev.hikyaku.identity.network.NetworkDeniedException;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.Problems;
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

  @ExceptionHandler
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail p =
        e.code().startsWith("no-such-")
            ? Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage())
            : Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
    p.setProperty("field", e.field());
    p.setProperty("code", e.code());
    return p;
  }

  @ExceptionHandler
  ProblemDetail networkDenied(NetworkDeniedException e) {
    return DeniedResponses.problem(e.denial());
  }

  /** Let Spring Security's handler answer (and log) method-security refusals. */
  @ExceptionHandler
  void accessDenied(AccessDeniedException e) {
    throw e;
  }
}
