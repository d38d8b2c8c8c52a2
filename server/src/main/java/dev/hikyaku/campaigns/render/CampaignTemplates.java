package dev.hikyaku.campaigns.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed templates of one campaign: a subject and a text body, an HTML body or both. Rendering
 * them with one recipient's fields gives the {@link PersonalisedContent} that a preview shows and
 * that {@link PersonalisedContent#applyTo} puts into a message. Immutable and thread-safe.
 *
 * @param subject the subject template, parsed for {@link RenderContext#HEADER}
 * @param text the text body template, parsed for {@link RenderContext#TEXT}, if any
 * @param html the HTML body template, parsed for {@link RenderContext#HTML}, if any
 */
public record CampaignTemplates(
    Template subject, Optional<Template> text, Optional<Template> html) {

  public CampaignTemplates {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    requireContext(subject, RenderContext.HEADER, "subject");
    text.ifPresent(t -> requireContext(t, RenderContext.TEXT, "text"));
    html.ifPresent(t -> requireContext(t, RenderContext.HTML, "html"));
    if (text.isEmpty() && html.isEmpty()) {
      throw new IllegalArgumentException("a campaign needs a text or an HTML body");
    }
  }

  /** Every field the templates use, in order of first use, for checking against an audience. */
  public List<String> fields() {
    Set<String> fields = new LinkedHashSet<>(subject.fields());
    text.ifPresent(t -> fields.addAll(t.fields()));
    html.ifPresent(t -> fields.addAll(t.fields()));
    return List.copyOf(fields);
  }

  /** Renders every template with one recipient's field values. */
  public PersonalisedContent render(Map<String, String> values) {
    RenderResult renderedSubject = subject.render(values);
    Optional<RenderResult> renderedText = text.map(t -> t.render(values));
    Optional<RenderResult> renderedHtml = html.map(t -> t.render(values));
    Set<String> missing = new LinkedHashSet<>(renderedSubject.missingFields());
    Set<String> blocked = new LinkedHashSet<>(renderedSubject.blockedUrlFields());
    for (Optional<RenderResult> body : List.of(renderedText, renderedHtml)) {
      body.ifPresent(r -> {
        missing.addAll(r.missingFields());
        blocked.addAll(r.blockedUrlFields());
      });
    }
    return new PersonalisedContent(
        renderedSubject.text(),
        renderedText.map(RenderResult::text),
        renderedHtml.map(RenderResult::text),
        new ArrayList<>(missing),
        new ArrayList<>(blocked));
  }

  private static void requireContext(Template template, RenderContext context, String which) {
    if (template.context() != context) {
      throw new IllegalArgumentException(
          "the "
              + which
              + " template must be parsed for "
              + context
              + ", not "
              + template.context());
    }
  }
}
