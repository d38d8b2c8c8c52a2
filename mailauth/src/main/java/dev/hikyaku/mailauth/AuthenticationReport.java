package dev.hikyaku.mailauth;

import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dmarc.DmarcVerdict;
import dev.hikyaku.mailauth.results.AuthenticationResults;
import dev.hikyaku.mailauth.results.AuthenticationResultsWriter;
import dev.hikyaku.mailauth.spf.SpfVerdict;
import java.util.List;
import java.util.Objects;

/**
 * Everything mailauth concluded about one received message: SPF for its envelope, each DKIM
 * signature, DMARC for its author domain(s), and the Authentication-Results that say so.
 *
 * @param fromDomains the author domains read from the From field(s)
 * @param spf the SPF verdict (MAIL FROM, or HELO for a null sender)
 * @param dkim one verdict per DKIM-Signature, top first; empty when the message is unsigned
 * @param dmarc the DMARC verdict
 * @param results our Authentication-Results for the message
 */
public record AuthenticationReport(
    List<String> fromDomains,
    SpfVerdict spf,
    List<DkimVerification> dkim,
    DmarcVerdict dmarc,
    AuthenticationResults results) {

  public AuthenticationReport {
    fromDomains = List.copyOf(fromDomains);
    Objects.requireNonNull(spf, "spf");
    dkim = List.copyOf(dkim);
    Objects.requireNonNull(dmarc, "dmarc");
    Objects.requireNonNull(results, "results");
  }

  /** The complete {@code Authentication-Results:} field, folded, without the final CRLF. */
  public String authenticationResultsField() {
    return AuthenticationResultsWriter.field(results);
  }
}
