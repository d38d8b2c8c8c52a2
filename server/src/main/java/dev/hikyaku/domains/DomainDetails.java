package dev.hikyaku.domains;

import java.util.List;

/** A sending domain with its keys and the records it should publish. */
public record DomainDetails(
    SendingDomain domain, List<DkimKey> keys, List<ExpectedRecord> records) {

  public DomainDetails {
    keys = List.copyOf(keys);
    records = List.copyOf(records);
  }

  /** The records as zone-file lines, for pasting into a zone or handing to the DNS provider. */
  public String zoneFile() {
    StringBuilder out = new StringBuilder("; Hikyaku: records for " + domain.name() + "\n");
    for (ExpectedRecord r : records) {
      out.append(r.required() ? "" : "; optional: ").append(r.zoneFileLine()).append('\n');
    }
    return out.toString();
  }
}
