package dev.hikyaku.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.delivery.smtp.SmtpClient;
import dev.hikyaku.delivery.smtp.SmtpSettings;
import dev.hikyaku.delivery.smtp.SubethaTestServer;
import dev.hikyaku.delivery.smtp.TlsMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP route under the emergency stop, against a real server: no transaction begins once the
 * stop is pulled, one already under way finishes, and the messages not tried get no result.
 */
class SmtpTransportHaltTests {

  private SubethaTestServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void noTransactionShouldBeginOnceHalted() {
    server = SubethaTestServer.builder().start();
    List<Transport.Sent> sent =
        transport().send("example.org", messages(5), () -> server.received().size() >= 2);
    assertThat(sent)
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class));
    assertThat(server.received()).hasSize(2);
    assertThat(server.mailCommands()).isEqualTo(2);
  }

  @Test
  void aTransactionUnderWayShouldFinishWhenTheStopIsPulledDuringIt() throws Exception {
    server = SubethaTestServer.builder().delayEachMessage(Duration.ofMillis(300)).start();
    AtomicBoolean halted = new AtomicBoolean();
    CompletableFuture<List<Transport.Sent>> sending =
        CompletableFuture.supplyAsync(
            () -> transport().send("example.org", messages(5), halted::get));
    // Pull the stop while the second message is inside its transaction (MAIL sent, no reply yet).
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.mailCommands() < 2 && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    halted.set(true);
    List<Transport.Sent> sent = sending.get();
    assertThat(sent)
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class));
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aHaltBeforeTheSendShouldOpenNoConnection() {
    server = SubethaTestServer.builder().start();
    assertThat(transport().send("example.org", messages(3), () -> true)).isEmpty();
    assertThat(server.sessions()).isZero();
  }

  private SmtpTransport transport() {
    SmtpClient client =
        new SmtpClient(
            SmtpSettings.builder("client.hikyaku.test").tlsMode(TlsMode.OPPORTUNISTIC).build());
    Destination sink = new Destination("sink.hikyaku.test", server.address());
    return new SmtpTransport(
        "relay",
        domain -> new MxResolver.Route.Servers(List.of(sink)),
        domain -> client,
        Optional.empty());
  }

  private static List<RenderedMessage> messages(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i ->
            new RenderedMessage(
                "sender@hikyaku.test",
                "r" + i + "@example.org",
                "Test " + i,
                ("From: sender@hikyaku.test\r\nTo: r"
                        + i
                        + "@example.org\r\nSubject: Test "
                        + i
                        + "\r\n\r\nBody.\r\n")
                    .getBytes(StandardCharsets.US_ASCII)))
        .toList();
  }
}
