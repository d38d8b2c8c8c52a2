package dev.hikyaku.e2e.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Crash safety and scale-out of the delivery engine with real processes on one PostgreSQL, sending
 * through a relay to Postfix's smtp-sink: a node killed with SIGKILL again and again loses no
 * recipient (duplicates bounded by what was in flight), and two nodes sharing a campaign send to
 * nobody twice.
 */
class CrashSafetyE2eTests {

  private static final int WORKERS = 4;
  private static final int CLAIM = 10;

  private static Path workDir(String name) throws java.io.IOException {
    Path target =
        Files.createDirectories(Path.of(System.getProperty("basedir", ".")).resolve("target"));
    return Files.createTempDirectory(target, name + "-");
  }

  private static List<String> recipients(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "r" + i + "@example.org").toList();
  }

  private static Map<String, String> node(Map<String, String> common, SmtpSinkProcess sink) {
    Map<String, String> s = new HashMap<>(common);
    s.put("hikyaku.delivery.mode", "relay");
    s.put("hikyaku.delivery.relay.host", "127.0.0.1");
    s.put("hikyaku.delivery.relay.port", Integer.toString(sink.port()));
    s.put("hikyaku.delivery.relay.tls", "opportunistic");
    s.put("hikyaku.delivery.workers", Integer.toString(WORKERS));
    s.put("hikyaku.delivery.claim-batch", Integer.toString(CLAIM));
    // A killed node's claims are taken over quickly here; 10 min by default.
    s.put("hikyaku.delivery.claim-timeout", "5s");
    s.put("hikyaku.delivery.expansion-interval", "200ms");
    s.put("hikyaku.delivery.global-rate", "150");
    return s;
  }

  @Test
  void killingTheServerRepeatedlyShouldLoseNoRecipient() throws Exception {
    Path work = workDir("crash");
    int n = 1500;
    try (PostgresDatabase db = new PostgresDatabase();
        SmtpSinkProcess sink = new SmtpSinkProcess(work)) {
      Map<String, String> common = CampaignFixture.common(db, work.resolve("data"));
      long job = CampaignFixture.startedCampaign(common, recipients(n));
      Random random = new Random(42);
      int kills = 0;
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(6);
      while (!CampaignFixture.jobState(db, job).equals("COMPLETED")
          && System.nanoTime() < deadline) {
        HikyakuNode node =
            new HikyakuNode(
                work, "node-" + kills, node(common, sink), "-Xmx384m", "-XX:TieredStopAtLevel=1");
        if (kills < 5) {
          // Wait until this node is sending, let it go on a little, then pull the plug.
          int before = total(sink);
          while (total(sink) < before + 100
              && !CampaignFixture.jobState(db, job).equals("COMPLETED")
              && System.nanoTime() < deadline) {
            Thread.sleep(100);
          }
          Thread.sleep(random.nextInt(700));
          node.kill();
          kills++;
        } else {
          while (!CampaignFixture.jobState(db, job).equals("COMPLETED")
              && System.nanoTime() < deadline) {
            Thread.sleep(500);
          }
          node.close();
        }
      }
      assertThat(CampaignFixture.jobState(db, job)).isEqualTo("COMPLETED");
      assertThat(kills).isEqualTo(5);
      Map<String, Integer> received = sink.received();
      // Nobody lost.
      assertThat(received.keySet()).containsAll(recipients(n));
      // Duplicates only from messages in flight at a kill: at most workers x claim per kill.
      int duplicates = received.values().stream().mapToInt(c -> c - 1).sum();
      System.out.printf(
          "crash test: %d recipients, %d kills, %d duplicates%n", n, kills, duplicates);
      assertThat(duplicates).isLessThanOrEqualTo(kills * WORKERS * CLAIM);
    }
  }

  private static int total(SmtpSinkProcess sink) {
    return sink.received().values().stream().mapToInt(Integer::intValue).sum();
  }

  @Test
  void twoNodesOnOneDatabaseShouldShareACampaignWithoutSendingAnyoneTwice() throws Exception {
    Path work = workDir("two-nodes");
    int n = 1500;
    try (PostgresDatabase db = new PostgresDatabase();
        SmtpSinkProcess sink = new SmtpSinkProcess(work)) {
      Map<String, String> common = CampaignFixture.common(db, work.resolve("data"));
      long job = CampaignFixture.startedCampaign(common, recipients(n));
      try (HikyakuNode a =
              new HikyakuNode(
                  work, "node-a", node(common, sink), "-Xmx384m", "-XX:TieredStopAtLevel=1");
          HikyakuNode b =
              new HikyakuNode(
                  work, "node-b", node(common, sink), "-Xmx384m", "-XX:TieredStopAtLevel=1")) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(4);
        while (!CampaignFixture.jobState(db, job).equals("COMPLETED")
            && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
        assertThat(CampaignFixture.jobState(db, job)).isEqualTo("COMPLETED");
        assertThat(a.alive() && b.alive()).as("both nodes ran to the end").isTrue();
      }
      Map<String, Integer> received = sink.received();
      assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(recipients(n));
      assertThat(received.values()).allSatisfy(c -> assertThat(c).isEqualTo(1));
      Map<String, Long> byNode = CampaignFixture.attemptsByNode(db);
      System.out.println("two nodes: attempts per node " + byNode);
      assertThat(byNode).hasSize(2);
      assertThat(byNode.values()).allSatisfy(c -> assertThat(c).isGreaterThan(0L));
    }
  }
}
