package dev.hikyaku.audience;

import java.util.Map;
import java.util.Objects;

/**
 * One person in an audience.
 *
 * @param attributes custom fields by name (from CSV columns or the API), for personalisation
 */
public record Contact(
    long id,
    long audienceId,
    String email,
    String name,
    String company,
    Map<String, String> attributes) {

  public Contact {
    Objects.requireNonNull(email, "email");
    name = name == null ? "" : name;
    company = company == null ? "" : company;
    attributes = Map.copyOf(attributes);
  }

  /**
   * Every field a template may use: {@code email}, {@code name}, {@code company} and the custom
   * attributes (which cannot override the first three).
   */
  public Map<String, String> fields() {
    var fields = new java.util.LinkedHashMap<String, String>(attributes);
    fields.put("email", email);
    fields.put("name", name);
    fields.put("company", company);
    return fields;
  }
}
