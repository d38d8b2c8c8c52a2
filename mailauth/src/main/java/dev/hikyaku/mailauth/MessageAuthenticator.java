package dev.hikyaku.mailauth;

import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dkim.DkimVerifier;
import dev.hikyaku.mailauth.dmarc.DkimCheck;
import dev.hikyaku.mailauth.dmarc.DmarcEvaluator;
import dev.hikyaku.mailauth.dmarc.DmarcInput;
import dev.hikyaku.mailauth.dmarc.DmarcPolicy;
import dev.hikyaku.mailauth.dmarc.DmarcResult;
import dev.hikyaku.mailauth.dmarc.DmarcVerdict;
import dev.hikyaku.mailauth.dmarc.DnsDomain;
import dev.hikyaku.mailauth.dmarc.SpfCheck;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.message.AddressList;
import dev.hikyaku.mailauth.message.HeaderBlock;
import dev.hikyaku.mailauth.results.AuthenticationResults;
import dev.hikyaku.mailauth.results.MethodResult;
import dev.hikyaku.mailauth.results.MethodResults;
import dev.hikyaku.mailauth.spf.SpfChecker;
import dev.hikyaku.mailauth.spf.SpfLimits;
import dev.hikyaku.mailauth.spf.SpfVerdict;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Authenticates a received message as a receiving MTA would: SPF for the connection, every DKIM
 * signature, then DMARC over both, and writes the Authentication-Results. Thread-safe; never throws
 * for anything in the message or in DNS.
 */
public final class MessageAuthenticator {

  /** The most header bytes read to find the From field(s). */
  private static final int MAX_HEADER_BYTES = 1 << 20;

  private final SpfChecker spf;
  private final DkimVerifier dkim;
  private final DmarcEvaluator dmarc;
  private final String authservId;

  /** Checks through {@code dns}, naming this host {@code authservId} in the results. */
  public MessageAuthenticator(DnsResolver dns, Clock clock, String authservId) {
    Objects.requireNonNull(dns, "dns");
    this.authservId = Objects.requireNonNull(authservId, "authservId");
    this.spf = new SpfChecker(dns, clock, authservId, SpfLimits.RFC_7208);
    this.dkim = new DkimVerifier(dns, clock);
    this.dmarc = new DmarcEvaluator(dns);
  }

  /**
   * Authenticates {@code message} (the raw bytes as received) that arrived from {@code ip} after
   * {@code HELO helo} and {@code MAIL FROM:<mailFrom>} (empty for a bounce).
   */
  public AuthenticationReport authenticate(
      byte[] message, InetAddress ip, String helo, String mailFrom) {
    String heloName = helo == null ? "" : helo;
    String sender = mailFrom == null ? "" : mailFrom;
    List<String> fromDomains = new ArrayList<>();
    for (String from : HeaderBlock.read(message, MAX_HEADER_BYTES).values("From")) {
      fromDomains.addAll(AddressList.domains(from));
    }
    SpfVerdict spfVerdict = spf.checkMailFrom(ip, sender, heloName);
    List<DkimVerification> signatures = verifyDkim(message);
    DmarcVerdict dmarcVerdict;
    try {
      dmarcVerdict = dmarc.evaluate(dmarcInput(fromDomains, spfVerdict, signatures));
    } catch (RuntimeException e) {
      // A bug must not become the caller's exception; temperror makes a receiver retry later.
      dmarcVerdict =
          new DmarcVerdict(
              DmarcResult.TEMPERROR,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              DmarcPolicy.NONE,
              Optional.empty(),
              Optional.empty(),
              "internal error: " + e.getClass().getSimpleName());
    }

    List<MethodResult> results = new ArrayList<>();
    // MethodResults cleans what came from the message or DNS (control characters, length).
    results.add(MethodResults.spf(spfVerdict.result(), sender, heloName, spfVerdict.reason()));
    for (DkimVerification signature : signatures) {
      results.add(MethodResults.dkim(signature));
    }
    if (signatures.isEmpty()) {
      results.add(MethodResult.of("dkim", "none").withReason("message not signed"));
    }
    results.add(MethodResults.dmarc(dmarcVerdict));
    return new AuthenticationReport(
        fromDomains,
        spfVerdict,
        signatures,
        dmarcVerdict,
        new AuthenticationResults(authservId, OptionalInt.empty(), results));
  }

  private List<DkimVerification> verifyDkim(byte[] message) {
    try {
      return dkim.verify(message);
    } catch (RuntimeException e) {
      return List.of(
          new DkimVerification(
              DkimResult.TEMPERROR,
              "internal error: " + e.getClass().getSimpleName(),
              "",
              "",
              "",
              "",
              0,
              "",
              false));
    }
  }

  private static DmarcInput dmarcInput(
      List<String> fromDomains, SpfVerdict spfVerdict, List<DkimVerification> signatures) {
    // RFC 9989 §4.4: SPF counts with the domain it authenticated (MAIL FROM, or HELO).
    Optional<SpfCheck> spfCheck =
        DnsDomain.parse(spfVerdict.domain()).map(d -> new SpfCheck(spfVerdict.result(), d));
    List<DkimCheck> checks = new ArrayList<>();
    for (DkimVerification signature : signatures) {
      if (signature.testing()) {
        continue; // RFC 6376 §3.6.1: a key in testing mode counts as if the mail were unsigned
      }
      DnsDomain.parse(signature.domain())
          .ifPresent(d -> checks.add(new DkimCheck(signature.result(), d, signature.selector())));
    }
    return new DmarcInput(fromDomains, spfCheck, checks);
  }
}
