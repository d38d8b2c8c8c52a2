package dev.hikyaku.diagnose.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * qmail-send's bounce: "Hi. This is the qmail-send program at host.", then one {@code <address>:}
 * paragraph per recipient — qmail's own text with its {@code (#5.1.1)} code, or "Remote host said:"
 * and the remote reply — then "--- Below this line is a copy of the message.".
 */
final class QmailRecogniser implements TextBounceRecogniser {

  @Override
  public Optional<DeliveryStatusReport> recognise(TextBounce bounce, Problems problems) {
    int start = bounce.lineWith("This is the qmail-send program", 0);
    if (start < 0) {
      return Optional.empty();
    }
    List<RecipientStatus> entries = new ArrayList<>();
    for (AddressParagraphs.Paragraph p :
        AddressParagraphs.read(bounce.lines(), start + 1, bounce.limits().maxRecipients() + 1)) {
      // qmail-send bounces only when it gives up: every recipient listed has failed.
      bounce.entry(p.address(), DsnAction.FAILED, p.text(), problems).ifPresent(entries::add);
    }
    return bounce.report(
        BounceFormat.QMAIL,
        entries,
        Optional.empty(),
        bounce.original(
            "--- Below this line is a copy of the message.",
            "--- Enclosed are the original headers of the message."),
        problems);
  }
}
