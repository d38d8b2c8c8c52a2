package dev.hikyaku.mailauth.dkim;

import static org.assertj.core.api.Assertions.fail;

import dev.hikyaku.mailauth.dns.DnsJavaResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real DNS server on 127.0.0.1: Debian's dnsmasq serving only the TXT records it is given, on a
 * free port, with no upstream and no system files. Stopped by {@link #close()}.
 */
final class LoopbackDnsServer implements AutoCloseable {

  static final String DNSMASQ = "/usr/sbin/dnsmasq";

  private final Process process;
  private final int port;

  private LoopbackDnsServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts dnsmasq serving {@code txt} (name to record value) and waits until it answers. */
  static LoopbackDnsServer start(Map<String, String> txt, Path work) {
    ExternalTool.require(DNSMASQ, "dnsmasq-base");
    int port = freeUdpPort();
    List<String> command =
        new ArrayList<>(
            List.of(
                DNSMASQ,
                "--keep-in-foreground",
                "--port=" + port,
                "--listen-address=127.0.0.1",
                "--bind-interfaces",
                "--no-resolv",
                "--no-hosts",
                "--conf-file=/dev/null",
                "--pid-file=" + work.resolve("dnsmasq.pid")));
    txt.forEach((name, value) -> {
      // dnsmasq takes the character-strings comma-separated; DKIM records contain no commas.
      command.add("--txt-record=" + name + "," + String.join(",", DkimKeys.txtStrings(value)));
    });
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("dnsmasq.log").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start dnsmasq", e);
    }
    LoopbackDnsServer server = new LoopbackDnsServer(process, port);
    String probe = txt.keySet().iterator().next();
    DnsJavaResolver resolver = server.resolver();
    for (int attempt = 0; attempt < 50; attempt++) {
      if (!process.isAlive()) {
        fail("dnsmasq exited with " + process.exitValue() + "; see " + work.resolve("dnsmasq.log"));
      }
      if (resolver.txt(probe) instanceof DnsResult.Found<String>) {
        return server;
      }
      sleep();
    }
    server.close();
    return fail("dnsmasq did not answer on 127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  /** A resolver that asks this server only. */
  DnsJavaResolver resolver() {
    return DnsJavaResolver.builder()
        .server("127.0.0.1:" + port)
        .timeout(Duration.ofSeconds(2))
        .cacheSize(0)
        .build();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freeUdpPort() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
