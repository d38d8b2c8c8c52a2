package dev.hikyaku.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hikyaku.HikyakuApplication;
import dev.hikyaku.identity.users.SetupLinks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real browser: runs {@code browser/console-flows.mjs} (Playwright driving Debian
 * Chromium at /usr/bin/chromium) against the whole application on a random port with a fresh
 * in-memory database, so the first-administrator setup link is still unused.
 */
@SpringBootTest(classes = HikyakuApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTests {

  /** Surefire runs in the module directory; package.json and browser/ live there. */
  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  private static final long TIMEOUT_MINUTES = 5;

  @DynamicPropertySource
  static void isolatedData(DynamicPropertyRegistry registry) throws IOException {
    // Under target/ so that `mvn clean` removes it; holds the generated master key.
    Path target = Files.createDirectories(MODULE.resolve("target"));
    Path dataDir = Files.createTempDirectory(target, "hikyaku-data-");
    registry.add("hikyaku.platform.data-dir", dataDir::toString);
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1");
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("spring.datasource.password", () -> "");
    // The approval scenario checks a test send first, and starts at once once approved.
    registry.add("hikyaku.approval.cancel-window", () -> "0s");
  }

  @LocalServerPort int port;

  @Autowired SetupLinks setupLinks;

  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void consoleFlowsPassInChromium() throws Exception {
    if (!Files.isDirectory(MODULE.resolve("node_modules/playwright-core"))) {
      Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
      assertEquals(0, install.exitCode(), () -> "npm ci failed:\n" + install.output());
    }
    String token = setupLinks.issueBootstrap();
    ApprovalSetup approval = ApprovalSetup.prepare(context);

    Result flows =
        run(
            List.of(
                "node",
                "browser/console-flows.mjs",
                "--base",
                "http://127.0.0.1:" + port,
                "--setup-token",
                token,
                "--approval-domain",
                approval.domain(),
                "--approval-audience",
                Long.toString(approval.audienceId())));

    if (flows.exitCode() != 0 || !flows.output().contains("6 passed, 0 failed")) {
      fail("browser flows failed (exit " + flows.exitCode() + "):\n" + flows.output());
    }
    assertTrue(Files.exists(MODULE.resolve("target/screenshots/dashboard.png")));
  }

  private record Result(int exitCode, String output) {}

  /** Runs a command in the module directory, echoing and capturing its output. */
  private static Result run(List<String> command) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true);
    // playwright-core never downloads a browser; this keeps any install step from trying.
    builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    Process process = builder.start();
    var output = new ByteArrayOutputStream();
    // Read on another thread so a full pipe cannot stall the child while we wait with a timeout.
    Thread pump = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      pump.join(TimeUnit.SECONDS.toMillis(10));
      String why = "timed out after " + TIMEOUT_MINUTES + " min: " + command;
      return new Result(-1, why + "\n" + output.toString(StandardCharsets.UTF_8));
    }
    pump.join();
    return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
  }

  private static void copy(InputStream in, ByteArrayOutputStream sink) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        System.out.write(buffer, 0, n);
        System.out.flush();
        sink.write(buffer, 0, n); // ByteArrayOutputStream is synchronised.
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
