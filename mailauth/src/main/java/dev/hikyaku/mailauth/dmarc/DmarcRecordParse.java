package dev.hikyaku.mailauth.dmarc;

import java.util.Objects;

/** The outcome of parsing the text of one TXT record as a DMARC Policy Record. */
public sealed interface DmarcRecordParse {

  /** The text is a DMARC Policy Record (it may still be unusable, see {@link DmarcRecord}). */
  record Valid(DmarcRecord record) implements DmarcRecordParse {
    public Valid {
      Objects.requireNonNull(record, "record");
    }
  }

  /** The text is not a DMARC Policy Record and is discarded (RFC 9989 §4.10 step 2). */
  record Invalid(String reason) implements DmarcRecordParse {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
