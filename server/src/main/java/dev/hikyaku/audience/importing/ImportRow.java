package dev.hikyaku.audience.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * A contact read from a row that can be imported.
 *
 * @param line the physical line where the row starts (1-based; the header is line 1)
 * @param address the address, cleaned
 * @param name the name, or "" (family and given names joined as "姓 名" when there is no full-name
 *     column)
 * @param company the company, or ""
 * @param customFields the other columns, by field key in file order; empty cells are left out
 * @param warnings what the user should see about the row (empty if nothing)
 */
public record ImportRow(
    long line,
    ContactAddress address,
    String name,
    String company,
    SequencedMap<String, String> customFields,
    List<RowWarning> warnings) {

  public ImportRow {
    if (line < 1) {
      throw new IllegalArgumentException("lines are counted from 1");
    }
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(company, "company");
    customFields = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(customFields));
    warnings = List.copyOf(warnings);
  }
}
