package dev.hikyaku.cli;

import dev.hikyaku.HikyakuApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What one CLI command printed and returned, run in-process as {@code ./hikyaku} runs it.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exit, String out, String err) {

  /** Runs {@code hikyaku args...}, capturing standard output and error. */
  static CliRun of(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    var o = new ByteArrayOutputStream();
    var e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      int exit = CommandLine.run(HikyakuApplication.class, args);
      return new CliRun(
          exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }
}
