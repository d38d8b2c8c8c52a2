package dev.hikyaku.delivery.mtasts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/** A real HTTPS server on 127.0.0.1 that serves whatever policy answer a test sets. */
final class PolicyServer implements AutoCloseable {

  /**
   * What the server answers.
   *
   * @param length the Content-Length to send, 0 for chunked coding, -1 for no body
   */
  record Answer(int status, String contentType, String location, byte[] body, int length) {
    static Answer policy(String body) {
      byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
      return new Answer(200, "text/plain; charset=utf-8", null, bytes, bytes.length);
    }

    Answer chunked() {
      return new Answer(status, contentType, location, body, 0);
    }

    Answer type(String type) {
      return new Answer(status, type, location, body, length);
    }
  }

  private final HttpsServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile Answer answer = new Answer(404, "text/plain", null, new byte[0], -1);

  PolicyServer(SSLContext tls) throws IOException {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void answer(Answer answer) {
    this.answer = answer;
  }

  /** Every request so far, as {@code METHOD path host}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " "
            + exchange.getRequestHeaders().getFirst("Host"));
    Answer a = answer;
    if (a.contentType() != null) {
      exchange.getResponseHeaders().add("Content-Type", a.contentType());
    }
    if (a.location() != null) {
      exchange.getResponseHeaders().add("Location", a.location());
    }
    exchange.sendResponseHeaders(a.status(), a.length());
    try (OutputStream out = exchange.getResponseBody()) {
      if (a.length() >= 0) {
        out.write(a.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
