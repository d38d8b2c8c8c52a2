package dev.hikyaku.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.test.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Behind a TLS-terminating proxy (an https public URL), the session cookie is Secure. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "hikyaku.identity.public-url=https://mail.example.co.jp")
@ContextConfiguration(initializers = TestDatabase.class)
class SecureCookiesIntegrationTests {

  @LocalServerPort int port;

  @Test
  void sessionCookieShouldBeSecureHttpOnlyAndSameSite() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("HIKYAKU_SESSION=")
        .contains("Secure")
        .contains("HttpOnly")
        .contains("SameSite=Lax");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
  }
}
