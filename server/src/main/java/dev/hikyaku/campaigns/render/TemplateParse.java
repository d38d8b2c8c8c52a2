package dev.hikyaku.campaigns.render;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link Template#parse}: a template ready to render, or every problem found. */
public sealed interface TemplateParse {

  /** The source was valid. */
  record Parsed(Template template) implements TemplateParse {
    public Parsed {
      Objects.requireNonNull(template, "template");
    }
  }

  /** The source had problems, listed in the order they occur; never empty. */
  record Rejected(List<TemplateError> errors) implements TemplateParse {
    public Rejected {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a rejected template has at least one error");
      }
    }
  }

  /**
   * The template, or an {@link IllegalArgumentException} listing the errors; for sources that are
   * part of the program, such as tests and built-in messages.
   */
  default Template orThrow() {
    return switch (this) {
      case Parsed parsed -> parsed.template();
      case Rejected rejected ->
          throw new IllegalArgumentException("invalid template: " + rejected.errors());
    };
  }
}
