package dev.hikyaku.mailauth.results;

import java.util.Locale;
import java.util.Objects;

/**
 * One {@code ptype.property=value} of a result (RFC 8601 §2.2 propspec), such as {@code
 * smtp.mailfrom=user@example.com} or {@code header.d=example.com}.
 *
 * <p>The ptype and property are keywords kept in lower case. The ptype is empty only for a property
 * read from a non-conforming header without one (Microsoft's {@code action=none}, Fastmail's {@code
 * x-bits=2048}). The value holds no control character other than HTAB.
 */
public record Property(String ptype, String name, String value) {

  public Property {
    Objects.requireNonNull(ptype, "ptype");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!ptype.isEmpty() && !Syntax.isKeyword(ptype)) {
      throw new IllegalArgumentException("ptype is not a keyword: " + ptype);
    }
    if (!Syntax.isKeyword(name)) {
      throw new IllegalArgumentException("property is not a keyword: " + name);
    }
    if (Syntax.hasControl(value)) {
      throw new IllegalArgumentException("control character in the value of " + name);
    }
    ptype = ptype.toLowerCase(Locale.ROOT);
    name = name.toLowerCase(Locale.ROOT);
  }

  /** {@code ptype.name}, or just the name when there is no ptype. */
  public String key() {
    return ptype.isEmpty() ? name : ptype + "." + name;
  }
}
