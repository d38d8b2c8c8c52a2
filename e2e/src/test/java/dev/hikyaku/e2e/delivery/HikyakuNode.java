package dev.hikyaku.e2e.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Hikyaku server as a separate process (the packaged jar, as {@code ./hikyaku run} starts it), so
 * a test can kill it with SIGKILL mid-send or run several against one database.
 */
final class HikyakuNode implements AutoCloseable {

  private final Process process;
  private final Path log;

  HikyakuNode(Path workDir, String name, Map<String, String> settings, String... jvmOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-jar");
    command.add(jar().toString());
    command.add("run");
    command.add("--server.port=0");
    settings.forEach((k, v) -> command.add("--" + k + "=" + v));
    log = workDir.resolve(name + ".log");
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** The server jar of this build (Maven packages it before this module's tests). */
  static Path jar() throws IOException {
    Path target =
        Path.of(System.getProperty("basedir", ".")).resolve("../server/target").normalize();
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("hikyaku-server-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("build the server jar first (mvn package)"));
    }
  }

  /** Kills the process at once (SIGKILL): no shutdown hook, no graceful stop. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
