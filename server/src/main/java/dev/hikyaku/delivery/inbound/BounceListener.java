package dev.hikyaku.delivery.inbound;

import dev.hikyaku.delivery.DeliveryProperties;
import dev.hikyaku.delivery.DeliveryService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP server the return-path domains' MX points at (SubEthaSMTP), started and stopped with the
 * application when {@code hikyaku.delivery.bounce-listener.enabled} is set. It takes mail only for
 * {@code bounce+<token>@} and {@code unsubscribe+<token>@} addresses with a known token at an
 * accepted domain, and answers 250 only once the message and its effects are committed.
 */
@Component
public class BounceListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BounceListener.class);

  private final DeliveryProperties.BounceListener settings;
  private final String hostName;
  private final RecipientGate gate;
  private final BounceIntake intake;
  private volatile SMTPServer server;

  BounceListener(
      DeliveryProperties properties,
      BounceIntake intake,
      AcceptedDomains domains,
      DeliveryService deliveries) {
    this.settings = properties.bounceListener();
    this.hostName = properties.ehloName();
    this.intake = intake;
    this.gate = new RecipientGate(domains, deliveries::byToken);
  }

  @Override
  public synchronized void start() {
    if (!settings.enabled() || server != null) {
      return;
    }
    InetAddress bind;
    try {
      bind = InetAddress.getByName(settings.bindAddress());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(
          "hikyaku.delivery.bounce-listener.bind-address is not an address: "
              + settings.bindAddress(),
          e);
    }
    int maxBytes = (int) settings.maxMessageSize().toBytes();
    SMTPServer s =
        SMTPServer.port(settings.port())
            .bindAddress(bind)
            .hostName(hostName)
            .softwareName("Hikyaku")
            .insertReceivedHeaders(false)
            // RFC 1870: announce SIZE, so senders that honour it do not send what we would refuse.
            .maxMessageSize(maxBytes)
            .maxRecipients(100)
            .maxConnections(100)
            .connectionTimeoutMs(60_000)
            .messageHandlerFactory(context -> new IntakeHandler(gate, intake, maxBytes))
            .build();
    s.start();
    server = s;
    log.info("bounce listener on {}:{}", settings.bindAddress(), s.getPortAllocated());
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /**
   * The port the listener is bound to (the one chosen when configured as 0).
   *
   * @throws IllegalStateException if the listener is not running
   */
  public int port() {
    SMTPServer s = server;
    if (s == null) {
      throw new IllegalStateException("the bounce listener is not running");
    }
    return s.getPortAllocated();
  }
}
