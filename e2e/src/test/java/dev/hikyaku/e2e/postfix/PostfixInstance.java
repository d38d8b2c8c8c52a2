package dev.hikyaku.e2e.postfix;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private instance of Debian's Postfix in a directory of its own: smtpd on 127.0.0.1 and a free
 * port with STARTTLS (a self-signed certificate made here), accepting mail for one domain and
 * delivering it into Maildirs that a test can read. The system instance and /etc/postfix are left
 * alone: everything lives under the instance's {@code config_directory}.
 */
final class PostfixInstance implements AutoCloseable {

  private static final Path POSTFIX = Path.of("/usr/sbin/postfix");
  private static final Path OPENSSL = Path.of("/usr/bin/openssl");
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);

  private final Path dir;
  private final Path config;
  private final Path mail;
  private final String domain;
  private final int port;
  private boolean started;

  private PostfixInstance(Path dir, String domain, int port) {
    this.dir = dir;
    this.config = dir.resolve("conf");
    this.mail = dir.resolve("mail");
    this.domain = domain;
    this.port = port;
  }

  /**
   * Configures, checks and starts an instance in {@code dir} that accepts mail for {@code
   * localParts} at {@code domain}; fails with the maillog if Postfix does not come up.
   */
  static PostfixInstance start(Path dir, String domain, List<String> localParts)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(POSTFIX) || !Files.isExecutable(OPENSSL)) {
      throw new IllegalStateException("Postfix and OpenSSL are needed: apt-get install postfix");
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    PostfixInstance instance = new PostfixInstance(dir, domain, port);
    try {
      instance.configure(localParts);
      instance.run("check");
      instance.run("start");
      instance.started = true;
      instance.awaitListening();
      return instance;
    } catch (IOException | InterruptedException | RuntimeException e) {
      instance.close();
      throw e;
    }
  }

  /** The smtpd port on 127.0.0.1. */
  int port() {
    return port;
  }

  /** The messages delivered to {@code localPart}, as stored (Maildir {@code new/}), by name. */
  List<Path> mailbox(String localPart) throws IOException {
    Path box = mail.resolve(domain).resolve(localPart).resolve("new");
    if (!Files.isDirectory(box)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(box)) {
      return files.sorted().toList();
    }
  }

  /** Postfix's log ({@code maillog_file}), for failure messages. */
  String maillog() {
    try {
      Path log = dir.resolve("maillog");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no maillog)";
    } catch (IOException e) {
      return "(maillog unreadable: " + e.getMessage() + ")";
    }
  }

  private void configure(List<String> localParts) throws IOException, InterruptedException {
    // Postfix's daemons drop to the postfix user and virtual(8) to nobody: they must reach the
    // instance directory, also when it was made by createTempDirectory (mode 700).
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(config);
    // The queue belongs to root (postfix-script creates and chowns its subdirectories).
    Files.createDirectories(dir.resolve("queue"));
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setOwner(
        data,
        data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix"));
    Files.createDirectories(mail);
    Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxrwxrwx"));
    exec(
        List.of(
            OPENSSL.toString(),
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=mx." + domain,
            "-keyout",
            config.resolve("key.pem").toString(),
            "-out",
            config.resolve("cert.pem").toString()));
    List<String> boxes = new ArrayList<>();
    for (String local : localParts) {
      // A trailing slash makes virtual(8) deliver into a Maildir: one file per message.
      boxes.add(local + "@" + domain + " " + domain + "/" + local + "/");
    }
    Files.write(config.resolve("mailboxes"), boxes, StandardCharsets.UTF_8);
    Files.writeString(config.resolve("main.cf"), PostfixConfig.mainCf(dir, domain));
    Files.writeString(config.resolve("master.cf"), PostfixConfig.masterCf(port));
  }

  /** Runs {@code postfix -c DIR command}; a failure carries the maillog (its only diagnostics). */
  private void run(String command) throws IOException, InterruptedException {
    List<String> argv = List.of(POSTFIX.toString(), "-c", config.toString(), command);
    int exit = exec(argv);
    if (exit != 0) {
      throw new IllegalStateException(
          "postfix " + command + " exited with " + exit + "; maillog:\n" + maillog());
    }
  }

  private int exec(List<String> argv) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(argv)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", argv) + " did not finish");
    }
    return p.exitValue();
  }

  private void awaitListening() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try {
        new Socket("127.0.0.1", port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "Postfix smtpd did not listen on 127.0.0.1:" + port + "; maillog:\n" + maillog());
  }

  /** Stops the instance ({@code postfix stop}); safe to call when it never started. */
  @Override
  public void close() {
    if (!started) {
      return;
    }
    started = false;
    try {
      exec(List.of(POSTFIX.toString(), "-c", config.toString(), "stop"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("postfix stop failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
