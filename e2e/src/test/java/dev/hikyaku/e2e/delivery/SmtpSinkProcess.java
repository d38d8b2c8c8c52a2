package dev.hikyaku.e2e.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Postfix's {@code smtp-sink} on 127.0.0.1, dumping every transaction to a file, so a test can
 * count what arrived per recipient. Debian package: postfix.
 */
final class SmtpSinkProcess implements AutoCloseable {

  private static final Pattern RCPT = Pattern.compile("^X-Rcpt-Args: <([^>]*)>", Pattern.MULTILINE);

  private final Process process;
  private final int port;
  private final Path dumps;

  SmtpSinkProcess(Path workDir) throws IOException, InterruptedException {
    this(workDir, true);
  }

  /** With {@code dump} false nothing is written: for benchmarks, where only speed matters. */
  SmtpSinkProcess(Path workDir, boolean dump) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of("/usr/sbin/smtp-sink"))) {
      throw new IllegalStateException("smtp-sink is needed: apt-get install postfix");
    }
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    // smtp-sink drops root privileges (-u nobody): that user must reach and write the dumps.
    Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    dumps = Files.createDirectories(workDir.resolve("sink"));
    Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxrwxrwx"));
    var command = new java.util.ArrayList<String>();
    command.add("/usr/sbin/smtp-sink");
    if ("root".equals(System.getProperty("user.name"))) {
      command.add("-u");
      command.add("nobody");
    }
    if (dump) {
      command.addAll(java.util.List.of("-d", dumps + "/%H%M%S."));
    }
    command.addAll(java.util.List.of("-c", "127.0.0.1:" + port, "256"));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("smtp-sink.log").toFile())
            .start();
    for (int i = 0; i < 50; i++) {
      try {
        new java.net.Socket("127.0.0.1", port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("smtp-sink did not start");
  }

  int port() {
    return port;
  }

  /** How many messages each recipient got. */
  Map<String, Integer> received() {
    Map<String, Integer> counts = new HashMap<>();
    try (Stream<Path> files = Files.list(dumps)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        Matcher m = RCPT.matcher(text);
        while (m.find()) {
          counts.merge(m.group(1), 1, Integer::sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts;
  }

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
