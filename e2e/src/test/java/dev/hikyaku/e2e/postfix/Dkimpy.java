package dev.hikyaku.e2e.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Verifies every DKIM-Signature of a message with dkimpy (Debian's python3-dkim), one by one, the
 * key records answered through dkimpy's {@code dnsfunc} hook from the records the test zone serves.
 */
final class Dkimpy {

  private static final String PYTHON = "/usr/bin/python3";

  /**
   * argv: MESSAGE RECORDS (lines "name TAB record"); prints "ALGORITHM pass|fail" per signature.
   */
  private static final String SCRIPT =
      """
      import sys, re, dkim
      message = open(sys.argv[1], 'rb').read()
      records = {}
      for line in open(sys.argv[2], 'rb').read().splitlines():
          name, record = line.split(b'\\t', 1)
          records[name.lower()] = record
      def dnsfunc(query, timeout=5):
          return records.get(query.rstrip(b'.').lower())
      d = dkim.DKIM(message, minkey=1024)
      signatures = [v for (k, v) in d.headers if k.lower() == b'dkim-signature']
      for i, sig in enumerate(signatures):
          algorithm = re.search(rb'a\\s*=\\s*([\\w-]+)', sig).group(1).decode()
          try:
              ok = dkim.DKIM(message, minkey=1024).verify(idx=i, dnsfunc=dnsfunc)
          except dkim.DKIMException as e:
              # dkim.verify() does this too: a broken signature is a fail, not an error.
              print(algorithm, 'error:', e, file=sys.stderr)
              ok = False
          print(algorithm, 'pass' if ok else 'fail')
      """;

  private final Path work;
  private final Path script;
  private final Path records;

  /** A verifier that answers key queries from {@code txtRecords} (owner name → TXT value). */
  Dkimpy(Path work, Map<String, String> txtRecords) throws IOException {
    this.work = work;
    this.script = Files.writeString(work.resolve("dkimpy-verify.py"), SCRIPT);
    List<String> lines = new ArrayList<>();
    txtRecords.forEach((name, value) -> lines.add(name + "\t" + value));
    this.records = Files.write(work.resolve("dkimpy-records.txt"), lines, StandardCharsets.UTF_8);
  }

  /** One line per signature, top first: {@code "rsa-sha256 pass"}. */
  List<String> verify(byte[] message) throws IOException, InterruptedException {
    Path file = Files.write(Files.createTempFile(work, "msg", ".eml"), message);
    Path out = Files.createTempFile(work, "dkimpy", ".out");
    Path err = Files.createTempFile(work, "dkimpy", ".err");
    Process p =
        new ProcessBuilder(PYTHON, script.toString(), file.toString(), records.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("dkimpy did not finish");
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "dkimpy failed (apt-get install python3-dkim python3-nacl):\n"
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return output.lines().toList();
  }
}
