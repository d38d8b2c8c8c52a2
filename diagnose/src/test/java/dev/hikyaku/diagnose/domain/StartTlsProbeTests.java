package dev.hikyaku.diagnose.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain check's STARTTLS probe against an SMTP server on loopback. */
class StartTlsProbeTests {

  @TempDir Path dir;

  private static DomainReport check(int port, javax.net.ssl.SSLContext trust) {
    InMemoryZone zone =
        new InMemoryZone()
            .mx("example.test", 10, "mx.example.test")
            .address("mx.example.test", "127.0.0.1");
    return new DomainCheck(zone, new TlsProbeSettings(true, port, Duration.ofSeconds(5), trust, 3))
        .check("example.test", DomainCheckOptions.defaults());
  }

  @Test
  void trustedCertificateNamingTheHostShouldPass() throws Exception {
    try (StartTlsTestServer server = new StartTlsTestServer("mx.example.test", true, dir)) {
      CheckItem item = check(server.port(), server.clientTrust()).about("tls.starttls").get(0);

      assertThat(item.status()).as(item.detail()).isEqualTo(CheckStatus.PASS);
      assertThat(item.detail()).contains("TLSv1.3").contains("CN=mx.example.test");
    }
  }

  @Test
  void certificateForAnotherNameShouldWarnAndStillDescribeTheConnection() throws Exception {
    try (StartTlsTestServer server = new StartTlsTestServer("other.example.test", true, dir)) {
      CheckItem item = check(server.port(), server.clientTrust()).about("tls.starttls").get(0);

      assertThat(item.status()).isEqualTo(CheckStatus.WARN);
      assertThat(item.detail())
          .contains("certificate not accepted")
          .contains("CN=other.example.test");
      assertThat(item.fix()).contains("names mx.example.test");
    }
  }

  @Test
  void serverWithoutStartTlsShouldFail() throws Exception {
    try (StartTlsTestServer server = new StartTlsTestServer("mx.example.test", false, dir)) {
      CheckItem item = check(server.port(), server.clientTrust()).about("tls.starttls").get(0);

      assertThat(item.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(item.detail()).contains("does not offer STARTTLS");
    }
  }

  @Test
  void closedPortShouldWarnThatItCouldNotBeProbed() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    CheckItem item =
        check(port, javax.net.ssl.SSLContext.getDefault()).about("tls.starttls").get(0);

    assertThat(item.status()).isEqualTo(CheckStatus.WARN);
    assertThat(item.detail()).contains("could not be probed");
  }
}
