package dev.hikyaku.campaigns.render;

import dev.hikyaku.shared.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A List-Id (RFC 2919): a description for people and an identifier such as {@code news.example.jp}
 * that filters match on.
 *
 * @param description the list's name, may be empty, flattened to one line
 * @param identifier list-label "." list-id-namespace, a dot-atom with at least one dot
 */
public record ListId(String description, String identifier) {

  // RFC 2919 §2: list-id = list-label "." list-id-namespace, both dot-atom-text; at most 255.
  private static final Pattern IDENTIFIER =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)+");

  public ListId {
    description = description == null ? "" : HeaderText.flatten(description);
    Objects.requireNonNull(identifier, "identifier");
    if (identifier.length() > 255 || !IDENTIFIER.matcher(identifier).matches()) {
      throw new InvalidInputException(
          "listId", "list-id", "not a List-Id identifier (label.namespace): " + identifier);
    }
  }
}
