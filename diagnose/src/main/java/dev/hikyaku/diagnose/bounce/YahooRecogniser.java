package dev.hikyaku.diagnose.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Yahoo's and AOL's bounce (subject "Failure Notice"): "Sorry, we were unable to deliver your
 * message to the following address.", then qmail-style {@code <address>:} paragraphs with "Remote
 * host said:" and the reply, then "--- Below this line is a copy of the message.".
 */
final class YahooRecogniser implements TextBounceRecogniser {

  @Override
  public Optional<DeliveryStatusReport> recognise(TextBounce bounce, Problems problems) {
    int start =
        bounce.lineWith("Sorry, we were unable to deliver your message to the following", 0);
    if (start < 0) {
      return Optional.empty();
    }
    List<RecipientStatus> entries = new ArrayList<>();
    for (AddressParagraphs.Paragraph p :
        AddressParagraphs.read(bounce.lines(), start + 1, bounce.limits().maxRecipients() + 1)) {
      bounce.entry(p.address(), DsnAction.FAILED, p.text(), problems).ifPresent(entries::add);
    }
    return bounce.report(
        BounceFormat.YAHOO,
        entries,
        Optional.empty(),
        bounce.original("--- Below this line is a copy of the message."),
        problems);
  }
}
