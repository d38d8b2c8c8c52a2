package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateNamesTests {

  @Test
  void exactNameShouldMatchCaseInsensitively() {
    assertThat(CertificateNames.matches("MX.Example.test", "mx.example.test")).isTrue();
    assertThat(CertificateNames.matches("mx.example.test.", "mx.example.test")).isTrue();
    assertThat(CertificateNames.matches("mx.example.test", "mx2.example.test")).isFalse();
  }

  @Test
  void wildcardShouldStandForExactlyOneLeftmostLabel() {
    assertThat(CertificateNames.matches("*.example.test", "mx.example.test")).isTrue();
    assertThat(CertificateNames.matches("*.example.test", "a.mx.example.test")).isFalse();
    assertThat(CertificateNames.matches("*.example.test", "example.test")).isFalse();
    assertThat(CertificateNames.matches("*.example.test", ".example.test")).isFalse();
  }

  @Test
  void partialOrTooBroadWildcardsShouldNeverMatch() {
    assertThat(CertificateNames.matches("m*.example.test", "mx.example.test")).isFalse();
    assertThat(CertificateNames.matches("*.test", "example.test")).isFalse();
    assertThat(CertificateNames.matches("*.*.test", "a.b.test")).isFalse();
    assertThat(CertificateNames.matches("mx.*.test", "mx.example.test")).isFalse();
  }

  @Test
  void caIssuedTestCertificateShouldNameItsHostOnly() throws Exception {
    TestCertificates certificates = TestCertificates.get();
    java.security.cert.X509Certificate mx = certificates.caIssuedCertificate();

    assertThat(CertificateNames.match(mx, TestCertificates.SERVER_NAME)).isTrue();
    assertThat(CertificateNames.match(mx, "other.hikyaku.test")).isFalse();
    assertThat(CertificateNames.match(mx, "127.0.0.1")).isFalse();
    assertThat(CertificateNames.presented(mx)).containsExactly(TestCertificates.SERVER_NAME);
  }
}
