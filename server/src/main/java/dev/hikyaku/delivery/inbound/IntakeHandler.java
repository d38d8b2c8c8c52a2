package dev.hikyaku.delivery.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One mail transaction on the bounce listener: recipients are checked at RCPT, the content is read
 * up to the size limit, and the message is stored and applied before the final reply.
 */
final class IntakeHandler implements MessageHandler {

  private static final Logger log = LoggerFactory.getLogger(IntakeHandler.class);

  private final RecipientGate gate;
  private final BounceIntake intake;
  private final int maxBytes;
  private final List<RecipientGate.Admitted> admitted = new ArrayList<>();
  private String from = "";

  IntakeHandler(RecipientGate gate, BounceIntake intake, int maxBytes) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.maxBytes = maxBytes;
  }

  @Override
  public void from(String address) {
    from = address == null ? "" : address;
  }

  @Override
  public void recipient(String address) throws RejectException {
    // RFC 5321 §4.2.2 / RFC 3463 §3.2: 550 5.1.1, "bad destination mailbox address", for every
    // address that is not a known token of ours: postmaster and other local parts included.
    admitted.add(
        gate.admit(address)
            .orElseThrow(() -> new RejectException(550, "5.1.1 no such recipient here")));
  }

  @Override
  public String data(InputStream content) throws RejectException, IOException {
    byte[] bytes = content.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      // SubEthaSMTP leaves the rest of the DATA stream unread when the handler refuses; drain it,
      // or the remaining lines would be read as commands.
      content.transferTo(OutputStream.nullOutputStream());
      // RFC 1870 §6.2 / RFC 3463 §3.4: 552 5.3.4, message too big for the system.
      throw new RejectException(552, "5.3.4 message larger than " + maxBytes + " octets");
    }
    try {
      intake.receive(from, List.copyOf(admitted), bytes);
    } catch (RuntimeException e) {
      // The sending MTA keeps the message and tries again (RFC 5321 §4.2.5); nothing was stored.
      log.warn("could not store a bounce message for {}: {}", admitted, e.toString());
      throw new RejectException(451, "4.3.0 could not store the message; try again later");
    }
    return null;
  }

  @Override
  public void done() {}
}
