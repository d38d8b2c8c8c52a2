package dev.hikyaku.diagnose.logs;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens log files for the analyzer: rotated {@code .gz} files by their content, and bytes that are
 * not UTF-8 (Postfix logs what clients send) as replacement characters instead of an error.
 */
public final class LogFiles {

  private static final int BUFFER = 1 << 16;

  private LogFiles() {}

  /** A reader of the log at {@code path}, decompressed if it is gzip. */
  public static BufferedReader open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    // The gzip magic number (RFC 1952 §2.3.1), whatever the file is called.
    if (first == 0x1f && second == 0x8b) {
      in = new GZIPInputStream(in, BUFFER);
    }
    return reader(in);
  }

  /** A reader of {@code in} as UTF-8, with malformed bytes replaced. */
  public static BufferedReader reader(InputStream in) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), BUFFER);
  }
}
