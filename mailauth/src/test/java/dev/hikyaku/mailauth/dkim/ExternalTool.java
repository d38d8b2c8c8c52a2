package dev.hikyaku.mailauth.dkim;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an independent DKIM implementation installed from Debian, with a time limit. */
final class ExternalTool {

  /** What a finished process printed and returned. */
  record Run(int exit, String out, String err) {}

  private ExternalTool() {}

  /** Fails the test (never skips it) when {@code program} is missing, naming the package. */
  static void require(String program, String debianPackage) {
    if (!Files.isExecutable(Path.of(program))) {
      fail(
          program
              + " is missing: these cross-checks need Debian's "
              + debianPackage
              + " (apt-get install "
              + debianPackage
              + ")");
    }
  }

  /** Runs {@code command} with {@code input} on standard input; kills it after {@code limit}. */
  static Run run(List<String> command, byte[] input, Duration limit) {
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> out = readAsync(process.getInputStream());
      CompletableFuture<String> err = readAsync(process.getErrorStream());
      try (var stdin = process.getOutputStream()) {
        stdin.write(input);
      }
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        fail(command.get(0) + " did not finish within " + limit + ": " + command);
      }
      return new Run(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
