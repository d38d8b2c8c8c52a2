package dev.hikyaku.e2e.postfix;

import dev.hikyaku.domains.ExpectedRecord;
import dev.hikyaku.mailauth.dns.LoopbackDnsServer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DNS of the test: the recipient domain's MX on 127.0.0.1, and the sending domain's records as
 * Hikyaku's own plan lists them, served by dnsmasq on loopback. Keeps the TXT records so dkimpy can
 * be answered from exactly what the server serves.
 */
final class TestZone {

  /** The DMARC policy published: the strictest, so a pass means the message would be delivered. */
  static final String DMARC_REJECT = "v=DMARC1; p=reject";

  private final LoopbackDnsServer.Builder builder = LoopbackDnsServer.builder();
  private final Map<String, String> txt = new LinkedHashMap<>();

  /** A zone with {@code mxHost} (A 127.0.0.1) as the MX of {@code recipientDomain}. */
  TestZone(String recipientDomain, String mxHost) {
    // Names under .test that are not listed answer NXDOMAIN (MTA-STS, TLS-RPT and DMARC tree-walk
    // lookups), not REFUSED, which resolvers treat as a temporary error.
    builder.local("test");
    builder.host(mxHost, "127.0.0.1");
    builder.mx(recipientDomain, mxHost, 10);
  }

  /** Publishes a sending domain's planned records: DKIM keys, SPF, return-path MX and DMARC. */
  TestZone publish(List<ExpectedRecord> records, String bounceHost) {
    builder.host(bounceHost, "127.0.0.1");
    for (ExpectedRecord r : records) {
      switch (r.kind()) {
        case DKIM, SPF -> txt(r.name(), r.value());
        case DMARC -> txt(r.name(), DMARC_REJECT + "; rua=mailto:dmarc-reports@" + domainOf(r));
        case RETURN_PATH_MX -> builder.mx(r.name(), r.value().split(" ")[1], 10);
        case MTA_STS, TLS_RPT -> {} // optional records of the domain's own inbound mail
      }
    }
    return this;
  }

  /** The TXT records published, owner name → value. */
  Map<String, String> txtRecords() {
    return Map.copyOf(txt);
  }

  LoopbackDnsServer start() throws IOException, InterruptedException {
    return builder.start();
  }

  private void txt(String name, String value) {
    txt.put(name, value);
    // RFC 1035 §3.3: a character-string holds at most 255 octets; a 2048-bit RSA key needs two.
    int parts = (value.length() + 254) / 255;
    String[] strings = new String[parts];
    for (int i = 0; i < parts; i++) {
      strings[i] = value.substring(i * 255, Math.min(value.length(), (i + 1) * 255));
    }
    builder.txt(name, strings);
  }

  private static String domainOf(ExpectedRecord dmarc) {
    return dmarc.name().substring("_dmarc.".length());
  }
}
