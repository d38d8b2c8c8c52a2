package dev.hikyaku.mailauth;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared conformance data ({@code ../shared/conformance}) the tests read. */
public final class SharedData {
  private SharedData() {}

  /** The path of a file or folder under {@code conformance/}; fails clearly if it is missing. */
  public static Path conformance(String relative) {
    String dir = System.getProperty("hikyaku.shared.dir", "../../shared");
    Path path = Path.of(dir, "conformance", relative).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          "conformance data not found at " + path + " (set -Dhikyaku.shared.dir)");
    }
    return path;
  }
}
