package dev.hikyaku.delivery.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * A real SMTP server (SubEthaSMTP) on loopback that records what it receives and refuses what it is
 * told to: a greeting, recipients, or the message after DATA.
 */
public final class SubethaTestServer implements AutoCloseable {

  /** One message as received: envelope and content, dot-unstuffed. */
  public record Received(String from, List<String> recipients, byte[] content) {}

  private record Refusal(int code, String text) {}

  private final SMTPServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger mailCommands = new AtomicInteger();
  private final AtomicInteger sessions = new AtomicInteger();

  private SubethaTestServer(Builder b) {
    SMTPServer.Builder builder =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("relay.hikyaku.test")
            .insertReceivedHeaders(false)
            .connectionTimeoutMs(10_000)
            .messageHandlerFactory(context -> new Handler(b));
    if (b.maxMessageSize > 0) {
      builder.maxMessageSize(b.maxMessageSize);
    }
    if (b.tls != null) {
      builder.enableTLS().startTlsSocketFactory(b.tls);
    }
    if (b.username != null) {
      builder.authenticationHandlerFactory(
          new EasyAuthenticationHandlerFactory((user, password, context) -> {
            if (!b.username.equals(user) || !b.password.equals(password)) {
              throw new LoginFailedException();
            }
          }));
    }
    builder.sessionHandler(
        new SessionHandler() {
          @Override
          public SessionAcceptance accept(Session session) {
            sessions.incrementAndGet();
            return b.greetingCode > 0
                ? SessionAcceptance.failure(b.greetingCode, b.greetingText)
                : SessionAcceptance.success();
          }

          @Override
          public void onSessionEnd(Session session) {}
        });
    server = builder.build();
    if (b.pipelining) {
      server.getCommandHandler().addCommand(new PipeliningEhlo());
    }
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPortAllocated());
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** How many MAIL commands reached the message handler. */
  public int mailCommands() {
    return mailCommands.get();
  }

  /** How many connections were accepted. */
  public int sessions() {
    return sessions.get();
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Handler implements MessageHandler {
    private final Builder config;
    private String from;
    private final List<String> recipients = new ArrayList<>();

    Handler(Builder config) {
      this.config = config;
    }

    @Override
    public void from(String address) {
      mailCommands.incrementAndGet();
      from = address;
    }

    @Override
    public void recipient(String address) throws RejectException {
      Refusal refusal = config.refusedRecipients.get(address);
      if (refusal != null) {
        throw new RejectException(refusal.code(), refusal.text());
      }
      recipients.add(address);
    }

    @Override
    public String data(InputStream content) throws RejectException, IOException {
      byte[] bytes = content.readAllBytes();
      if (config.dataCode > 0) {
        throw new RejectException(config.dataCode, config.dataText);
      }
      if (!config.messageDelay.isZero()) {
        // A slow server: the client waits for the reply to DATA, inside the transaction.
        try {
          Thread.sleep(config.messageDelay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      received.add(new Received(from, List.copyOf(recipients), bytes));
      return null;
    }

    @Override
    public void done() {}
  }

  /** EHLO as SubEthaSMTP answers it, plus PIPELINING, which it handles but does not announce. */
  private static final class PipeliningEhlo extends BaseCommand {
    PipeliningEhlo() {
      super("EHLO", "Introduce yourself.", "<hostname>");
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
      String[] args = getArgs(commandString);
      if (args.length < 2) {
        session.sendResponse("501 Syntax: EHLO hostname");
        return;
      }
      session.resetMailTransaction();
      session.setHelo(args[1]);
      session.sendResponse(
          "250-"
              + session.getServer().getHostName()
              + "\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 Ok");
    }
  }

  public static final class Builder {
    private boolean pipelining;
    private int maxMessageSize;
    private SSLContext tls;
    private String username;
    private String password;
    private int greetingCode;
    private String greetingText;
    private int dataCode;
    private String dataText;
    private java.time.Duration messageDelay = java.time.Duration.ZERO;
    private final Map<String, Refusal> refusedRecipients = new HashMap<>();

    /** Take this long over each message before the reply to its content (a slow server). */
    public Builder delayEachMessage(java.time.Duration delay) {
      messageDelay = delay;
      return this;
    }

    /** Announce PIPELINING (replaces EHLO: no STARTTLS, AUTH or SIZE then). */
    public Builder pipelining() {
      pipelining = true;
      return this;
    }

    public Builder maxMessageSize(int octets) {
      maxMessageSize = octets;
      return this;
    }

    /** Offer STARTTLS with this server context. */
    public Builder startTls(SSLContext context) {
      tls = context;
      return this;
    }

    /** Offer AUTH PLAIN and LOGIN, accepting only these credentials. */
    public Builder auth(String user, String pass) {
      username = user;
      password = pass;
      return this;
    }

    /** Refuse every connection with this greeting. */
    public Builder refuseConnections(int code, String text) {
      greetingCode = code;
      greetingText = text;
      return this;
    }

    /** Refuse this recipient at RCPT. */
    public Builder refuseRecipient(String address, int code, String text) {
      refusedRecipients.put(address, new Refusal(code, text));
      return this;
    }

    /** Refuse every message after its content. */
    public Builder refuseData(int code, String text) {
      dataCode = code;
      dataText = text;
      return this;
    }

    public SubethaTestServer start() {
      return new SubethaTestServer(this);
    }
  }
}
