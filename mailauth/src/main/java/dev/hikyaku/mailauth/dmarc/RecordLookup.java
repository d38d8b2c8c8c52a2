package dev.hikyaku.mailauth.dmarc;

import java.util.Objects;

/** What one TXT query at {@code _dmarc.<domain>} found (RFC 9989 §4.10 steps 1, 2, 5 and 6). */
public sealed interface RecordLookup {

  /** The domain whose {@code _dmarc} name was queried. */
  DnsDomain domain();

  /** Exactly one DMARC Policy Record is published for the domain. */
  record Found(DnsDomain domain, DmarcRecord record) implements RecordLookup {
    public Found {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(record, "record");
    }
  }

  /**
   * No usable answer: no such name, no TXT records, no record starting with {@code v=DMARC1}, or
   * several of them, which are all discarded (§4.10 step 2).
   */
  record Absent(DnsDomain domain, String detail) implements RecordLookup {
    public Absent {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The query failed for a reason that may go away: server failure or timeout. */
  record TemporaryFailure(DnsDomain domain, String detail) implements RecordLookup {
    public TemporaryFailure {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
