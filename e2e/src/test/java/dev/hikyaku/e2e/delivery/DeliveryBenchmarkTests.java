package dev.hikyaku.e2e.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmarks P1 and P5 of issue 4, run by {@code bench/delivery.sh} (never in the test suite): a
 * campaign of {@code hikyaku.bench.recipients} personalised, dual DKIM-signed messages from one
 * server process on PostgreSQL, relayed to Postfix's smtp-sink on loopback. Reports messages per
 * second (first to last attempt) and the server's peak heap after GC and peak RSS.
 */
@EnabledIfSystemProperty(named = "hikyaku.bench.recipients", matches = "\\d+")
class DeliveryBenchmarkTests {

  private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  @Test
  void sendACampaign() throws Exception {
    int n = Integer.parseInt(System.getProperty("hikyaku.bench.recipients"));
    String heap = System.getProperty("hikyaku.bench.heap", "1g");
    Path work =
        Files.createTempDirectory(
            Files.createDirectories(Path.of(System.getProperty("basedir", ".")).resolve("target")),
            "bench-");
    try (PostgresDatabase db = new PostgresDatabase();
        SmtpSinkProcess sink = new SmtpSinkProcess(work, false)) {
      Map<String, String> common = CampaignFixture.common(db, work.resolve("data"));
      long t0 = System.nanoTime();
      long job = CampaignFixture.startedCampaign(common, n, work.resolve("audience.csv"));
      double setup = (System.nanoTime() - t0) / 1e9;
      Map<String, String> s = new HashMap<>(common);
      s.put("hikyaku.delivery.mode", "relay");
      s.put("hikyaku.delivery.relay.host", "127.0.0.1");
      s.put("hikyaku.delivery.relay.port", Integer.toString(sink.port()));
      s.put("hikyaku.delivery.relay.tls", "opportunistic");
      Path gcLog = work.resolve("gc.log");
      long peakRss = 0;
      long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
      try (HikyakuNode node =
          new HikyakuNode(
              work,
              "bench-node",
              s,
              java.util.stream.Stream.concat(
                      java.util.stream.Stream.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog),
                      // Extra JVM options, e.g. a flight recording for profiling.
                      java.util.Arrays.stream(
                              System.getProperty("hikyaku.bench.jvm", "").split(" "))
                          .filter(o -> !o.isBlank()))
                  .toArray(String[]::new))) {
        while (!CampaignFixture.jobState(db, job).equals("COMPLETED")
            && System.nanoTime() < deadline) {
          Thread.sleep(1000);
          peakRss = Math.max(peakRss, rssKb(node.pid()));
          if (!node.alive()) {
            throw new AssertionError("the server died:\n" + node.log());
          }
        }
        peakRss = Math.max(peakRss, hwmKb(node.pid()));
      }
      assertThat(CampaignFixture.jobState(db, job)).isEqualTo("COMPLETED");
      long delivered;
      double seconds;
      try (var c = DriverManager.getConnection(db.url(), db.user(), "");
          var st = c.createStatement();
          var rs =
              st.executeQuery(
                  "SELECT COUNT(*), EXTRACT(EPOCH FROM MAX(attempted_at) - MIN(attempted_at))"
                      + " FROM delivery_attempt WHERE outcome = 'DELIVERED'")) {
        rs.next();
        delivered = rs.getLong(1);
        seconds = rs.getDouble(2);
      }
      assertThat(delivered).isEqualTo(n);
      int peakAfterGc = 0;
      int peakBeforeGc = 0;
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = HEAP.matcher(line);
        if (m.find()) {
          peakBeforeGc = Math.max(peakBeforeGc, Integer.parseInt(m.group(1)));
          peakAfterGc = Math.max(peakAfterGc, Integer.parseInt(m.group(2)));
        }
      }
      String result =
          String.format(
              "BENCH recipients=%d heap=%s delivered=%d seconds=%.1f rate=%.1f msg/s"
                  + " peakHeapBeforeGc=%dMB peakHeapAfterGc=%dMB peakRss=%dMB setup=%.1fs",
              n,
              heap,
              delivered,
              seconds,
              delivered / seconds,
              peakBeforeGc,
              peakAfterGc,
              peakRss / 1024,
              setup);
      System.out.println(result);
      Files.writeString(work.resolve("result.txt"), result + "\n");
      Files.writeString(
          Path.of(System.getProperty("basedir", ".")).resolve("target/bench-result.txt"),
          result + "\n");
    }
  }

  private static long rssKb(long pid) {
    return statusKb(pid, "VmRSS:");
  }

  private static long hwmKb(long pid) {
    return statusKb(pid, "VmHWM:");
  }

  private static long statusKb(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("\\D+", ""));
        }
      }
    } catch (java.io.IOException | NumberFormatException gone) {
      return 0;
    }
    return 0;
  }
}
