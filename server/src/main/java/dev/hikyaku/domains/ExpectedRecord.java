package dev.hikyaku.domains;

import java.util.Objects;

/**
 * A DNS record a sending domain should publish.
 *
 * @param kind what the record is for
 * @param name the owner name, without the trailing dot
 * @param type {@code TXT} or {@code MX}
 * @param value the record value to publish (for MX: {@code preference host})
 * @param required whether the domain is verified only with it
 */
public record ExpectedRecord(Kind kind, String name, String type, String value, boolean required) {

  /** What a record is for. */
  public enum Kind {
    DKIM,
    SPF,
    DMARC,
    RETURN_PATH_MX,
    MTA_STS,
    TLS_RPT
  }

  public ExpectedRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** The record as a zone-file line, TXT values cut into strings of at most 255 characters. */
  public String zoneFileLine() {
    if (!type.equals("TXT")) {
      return name + ". IN " + type + " " + value + (value.endsWith(".") ? "" : ".");
    }
    StringBuilder line = new StringBuilder(name).append(". IN TXT");
    for (int i = 0; i < value.length(); i += 255) {
      String part = value.substring(i, Math.min(value.length(), i + 255));
      line.append(" \"").append(part.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return line.toString();
  }
}
