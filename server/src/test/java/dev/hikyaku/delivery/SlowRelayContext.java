package dev.hikyaku.delivery;

import dev.hikyaku.delivery.smtp.SubethaTestServer;
import dev.hikyaku.test.HikyakuTest;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the delivery tests that need real sends: relay mode to a slow SMTP
 * server on loopback (SubEthaSMTP taking 100 ms over each message, as a busy provider does), four
 * workers, and the {@link DrillSource}. Test classes extending it share the context and the server;
 * they tell their messages apart by the recipients' local parts.
 */
@HikyakuTest
@Import(DrillSource.class)
abstract class SlowRelayContext {

  /** Not closed after a class: the shared context keeps pointing at it until the JVM exits. */
  static final SubethaTestServer SINK =
      SubethaTestServer.builder().delayEachMessage(Duration.ofMillis(100)).start();

  @DynamicPropertySource
  static void relay(DynamicPropertyRegistry registry) {
    registry.add("hikyaku.delivery.mode", () -> "relay");
    registry.add("hikyaku.delivery.relay.host", () -> "127.0.0.1");
    registry.add("hikyaku.delivery.relay.port", () -> SINK.address().getPort());
    registry.add("hikyaku.delivery.relay.tls", () -> "opportunistic");
    registry.add("hikyaku.delivery.workers", () -> "4");
    // One destination shaped hard, for ShapingIntegrationTests; the others take the defaults.
    registry.add("hikyaku.delivery.shaping.groups.drill.domains", () -> SHAPED_DOMAIN);
    registry.add("hikyaku.delivery.shaping.groups.drill.max-connections", () -> "1");
    registry.add("hikyaku.delivery.shaping.groups.drill.messages-per-minute", () -> "3");
  }

  /** The destination limited to one connection and 3 messages a minute. */
  static final String SHAPED_DOMAIN = "shaped.example";

  /** {@code n} addresses {@code <prefix><i>@...} spread over four domains (four connections). */
  static List<String> addresses(String prefix, int n) {
    String[] domains = {"example.org", "example.com", "example.net", "example.jp"};
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> prefix + i + "@" + domains[i % domains.length])
        .toList();
  }

  /** How many messages the server took for recipients starting with {@code prefix}. */
  static int received(String prefix) {
    return (int)
        SINK.received().stream().filter(m -> m.recipients().get(0).startsWith(prefix)).count();
  }

  /** Waits up to {@code timeout} for {@code done}; false if it never became true. */
  static boolean await(Duration timeout, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return done.getAsBoolean();
  }
}
