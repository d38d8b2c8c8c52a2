package dev.hikyaku.mailauth.dns;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real DNS server on loopback for tests: Debian's dnsmasq, authoritative for the names it is
 * given and answering REFUSED for everything else. Fails clearly if dnsmasq is not installed.
 */
public final class LoopbackDnsServer implements AutoCloseable {

  private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");
  private static final String READY_NAME = "ready.loopback-dns.test";

  private final Process process;
  private final int port;
  private final Path log;

  private LoopbackDnsServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** A server to be started, with its records. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects records and writes them to a dnsmasq configuration file (UTF-8). */
  public static final class Builder {
    private final List<String> lines = new ArrayList<>();

    private Builder() {}

    /** Answers NXDOMAIN for unknown names under {@code domain} instead of REFUSED. */
    public Builder local(String domain) {
      lines.add("local=/" + domain + "/");
      return this;
    }

    /** A TXT record made of the given character-strings. */
    public Builder txt(String name, String... strings) {
      StringBuilder line = new StringBuilder("txt-record=").append(name);
      for (String string : strings) {
        line.append(",\"").append(string.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      lines.add(line.toString());
      return this;
    }

    /** A and AAAA records (and the matching PTR records) for {@code name}. */
    public Builder host(String name, String... addresses) {
      lines.add("host-record=" + name + "," + String.join(",", addresses));
      return this;
    }

    /** An MX record. */
    public Builder mx(String name, String exchange, int preference) {
      lines.add("mx-host=" + name + "," + exchange + "," + preference);
      return this;
    }

    /** A PTR record at a reverse name. */
    public Builder ptr(String reverseName, String host) {
      lines.add("ptr-record=" + reverseName + "," + host);
      return this;
    }

    /** A CNAME record. */
    public Builder cname(String alias, String target) {
      lines.add("cname=" + alias + "," + target);
      return this;
    }

    /** Starts dnsmasq on 127.0.0.1 and a free port with these records. */
    public LoopbackDnsServer start() throws IOException, InterruptedException {
      if (!Files.isExecutable(DNSMASQ)) {
        throw new IllegalStateException(
            "dnsmasq is needed for DNS tests: apt-get install dnsmasq-base");
      }
      int port;
      try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      Path log = Files.createTempFile("dnsmasq", ".log");
      Path conf = Files.createTempFile("dnsmasq", ".conf");
      // A record only this instance serves: readiness is "our token answers", never "something
      // answers on the port".
      String token = UUID.randomUUID().toString();
      List<String> all = new ArrayList<>(lines);
      all.add("txt-record=" + READY_NAME + "," + token);
      Files.write(conf, all, StandardCharsets.UTF_8);
      List<String> command =
          new ArrayList<>(
              List.of(
                  DNSMASQ.toString(),
                  "--keep-in-foreground",
                  "--port=" + port,
                  "--listen-address=127.0.0.1",
                  "--bind-interfaces",
                  "--no-resolv",
                  "--no-hosts",
                  "--conf-file=" + conf,
                  "--pid-file=",
                  "--local-ttl=300",
                  "--log-queries",
                  "--log-facility=" + log));
      if ("root".equals(System.getProperty("user.name"))) {
        command.add("--user=root");
      }
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      LoopbackDnsServer server = new LoopbackDnsServer(process, port, log);
      server.awaitReady(token);
      return server;
    }
  }

  /** The server as {@code host:port}, for {@link DnsJavaResolver.Builder#server}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** The UDP and TCP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** A resolver that asks this server only, without a cache. */
  public DnsJavaResolver resolver() {
    return DnsJavaResolver.builder()
        .server(address())
        .timeout(Duration.ofSeconds(2))
        .cacheSize(0)
        .build();
  }

  /** How many queries the server has logged so far. */
  public long queryCount() throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.contains("query[")).count();
  }

  private void awaitReady(String token) throws IOException, InterruptedException {
    DnsJavaResolver probe =
        DnsJavaResolver.builder()
            .server(address())
            .timeout(Duration.ofMillis(200))
            .cacheSize(0)
            .build();
    for (int i = 0; i < 50; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "dnsmasq exited: " + String.join("\n", Files.readAllLines(log)));
      }
      if (probe.txt(READY_NAME).records().contains(token)) {
        return;
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException(
        "dnsmasq did not answer on "
            + address()
            + ": "
            + String.join("\n", Files.readAllLines(log)));
  }

  /** Stops the server. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
