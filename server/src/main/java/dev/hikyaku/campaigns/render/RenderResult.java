package dev.hikyaku.campaigns.render;

import java.util.List;
import java.util.Objects;

/**
 * The text of a rendered template, with the fields that need the sender's attention.
 *
 * @param text the rendered text
 * @param missingFields fields without a value (absent or blank) and without a default, which were
 *     rendered as empty; in order of first use, each once
 * @param blockedUrlFields fields whose value was refused as a link target (for example a {@code
 *     javascript:} URL) and rendered as empty; in order of first use, each once
 */
public record RenderResult(String text, List<String> missingFields, List<String> blockedUrlFields) {

  public RenderResult {
    Objects.requireNonNull(text, "text");
    missingFields = List.copyOf(missingFields);
    blockedUrlFields = List.copyOf(blockedUrlFields);
  }

  /** Whether every field had a usable value or a default. */
  public boolean complete() {
    return missingFields.isEmpty() && blockedUrlFields.isEmpty();
  }
}
