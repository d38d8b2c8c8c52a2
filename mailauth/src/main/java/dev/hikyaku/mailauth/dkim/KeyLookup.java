package dev.hikyaku.mailauth.dkim;

import dev.hikyaku.mailauth.dns.DnsNames;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fetches and parses key records for the signatures of one message (RFC 6376 §3.6.2), asking DNS
 * once per name even when several signatures share a key.
 */
final class KeyLookup {

  /** A key record that parsed, or the result a signature gets when there is none. */
  sealed interface Outcome {
    record Usable(DkimKeyRecord key) implements Outcome {}

    record Failed(DkimResult result, String reason) implements Outcome {}
  }

  /**
   * Valid key records already parsed, by their text: decoding p= (base64, then DER for RSA) costs
   * more than checking an Ed25519 signature, and a sender's record repeats on every message.
   * Parsing is a pure function of the text, so sharing the result is safe.
   */
  private static final Map<String, DkimKeyRecord> PARSED =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DkimKeyRecord> eldest) {
              return size() > 512;
            }
          });

  private static final int MAX_CACHED_RECORD = 2048;

  private final DnsResolver dns;
  private final Map<String, Outcome> seen = new HashMap<>();

  KeyLookup(DnsResolver dns) {
    this.dns = dns;
  }

  /** The key record at {@code name} ({@code selector._domainkey.domain}). */
  Outcome find(String name) {
    return seen.computeIfAbsent(name, this::query);
  }

  private Outcome query(String name) {
    if (!DnsNames.isQueryable(name)) {
      return new Outcome.Failed(DkimResult.PERMERROR, "key name is not a valid DNS name");
    }
    DnsResult<String> answer;
    try {
      answer = dns.txt(name);
    } catch (RuntimeException e) {
      // DnsResolver promises results, not exceptions; a broken adapter still must not make
      // verification throw, and a failure of ours to ask is temporary by nature.
      return new Outcome.Failed(DkimResult.TEMPERROR, "DNS lookup failed: " + e.getMessage());
    }
    return switch (answer) {
      case DnsResult.Found<String> found -> parse(name, found);
      // RFC 6376 §6.1.2: no key record is PERMFAIL (no key for signature).
      case DnsResult.NoSuchDomain<String> none ->
          new Outcome.Failed(DkimResult.PERMERROR, "no key record at " + name + " (NXDOMAIN)");
      case DnsResult.NoData<String> none ->
          new Outcome.Failed(DkimResult.PERMERROR, "no key record at " + name);
      // RFC 6376 §6.1.2: a query that fails for a temporary reason is TEMPFAIL.
      case DnsResult.ServerFailure<String> failure ->
          new Outcome.Failed(
              DkimResult.TEMPERROR, "DNS failure for " + name + ": " + failure.detail());
      case DnsResult.Timeout<String> timeout ->
          new Outcome.Failed(DkimResult.TEMPERROR, "DNS timeout for " + name);
    };
  }

  /** RFC 6376 §3.6.2.2 leaves several records undefined; the first valid one is used. */
  private static Outcome parse(String name, DnsResult.Found<String> found) {
    String firstError = null;
    for (String text : found.records()) {
      DkimKeyRecord cached = PARSED.get(text);
      if (cached != null) {
        return new Outcome.Usable(cached);
      }
      switch (DkimKeyRecord.parse(text)) {
        case ParseResult.Valid<DkimKeyRecord> valid -> {
          if (text.length() <= MAX_CACHED_RECORD) {
            PARSED.put(text, valid.value());
          }
          return new Outcome.Usable(valid.value());
        }
        case ParseResult.Invalid<DkimKeyRecord> invalid -> {
          if (firstError == null) {
            firstError = invalid.reason();
          }
        }
      }
    }
    // An empty answer should have been NoData; treat it as one rather than trust it.
    return new Outcome.Failed(
        DkimResult.PERMERROR, firstError != null ? firstError : "no key record at " + name);
  }
}
