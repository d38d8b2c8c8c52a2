package dev.hikyaku.diagnose.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Mail Transmission Types of RFC 3848 and RFC 6531 and the TLS versions MTAs write. */
class ReceivedProtocolTests {

  @ParameterizedTest
  @CsvSource({
    "SMTP, SMTP, false, false",
    "ESMTP, SMTP, false, false",
    "ESMTPS, SMTP, true, false",
    "ESMTPA, SMTP, false, true",
    "ESMTPSA, SMTP, true, true",
    "esmtpsa, SMTP, true, true",
    "SMTPS, SMTP, true, false",
    "LMTP, LMTP, false, false",
    "LMTPSA, LMTP, true, true",
    "UTF8SMTP, SMTP, false, false",
    "UTF8SMTPS, SMTP, true, false",
    "UTF8SMTPSA, SMTP, true, true",
    "utf8esmtps, SMTP, true, false",
    "UTF8LMTPA, LMTP, false, true",
    "HTTP, HTTP, false, false",
    "HTTPS, HTTP, true, false",
    "HTTPREST, HTTP, false, false",
    "local, LOCAL, false, false",
    "local-esmtp, LOCAL, false, false",
    "mapi, MAPI, false, false",
    "Microsoft SMTP Server, MICROSOFT_SMTP, false, false",
    "ESMTPX, OTHER, false, false",
    "UUCP, OTHER, false, false",
  })
  void readsTheRegisteredNamesAndTheirSuffixes(
      String name, Protocol.Kind kind, boolean tls, boolean authenticated) {
    assertThat(Protocol.of(name)).isEqualTo(new Protocol(name, kind, tls, authenticated));
  }

  @ParameterizedTest
  @CsvSource({
    "TLSv1.3, TLSv1.3, false",
    "TLS1.3, TLSv1.3, false",
    "TLS1_2, TLSv1.2, false",
    "tlsv1.2, TLSv1.2, false",
    "TLSv1.1, TLSv1.1, true",
    "TLS1_0, TLSv1.0, true",
    "TLSv1, TLSv1, true",
    "SSLv3, SSLv3, true",
    "TLSfoo, TLSfoo, false",
  })
  void normalisesVersionsAndTellsOutdatedOnes(String written, String normal, boolean outdated) {
    TlsInfo tls = new TlsInfo(Optional.of(TlsInfo.normalizeVersion(written)), Optional.empty());

    assertThat(tls.version()).contains(normal);
    assertThat(tls.outdated()).isEqualTo(outdated);
  }
}
