package dev.hikyaku.diagnose.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Postfix's human-readable bounce text on its own, when the delivery-status part is missing or
 * unreadable: "This is the mail system at host ..." (older: "This is the Postfix program at host
 * ..."), then one {@code <address>: reason} paragraph per recipient with indented continuations.
 */
final class PostfixTextRecogniser implements TextBounceRecogniser {

  @Override
  public Optional<DeliveryStatusReport> recognise(TextBounce bounce, Problems problems) {
    int start = bounce.lineWith("This is the mail system at host", 0);
    if (start < 0) {
      start = bounce.lineWith("This is the Postfix program at host", 0);
    }
    if (start < 0) {
      return Optional.empty();
    }
    // Postfix's delay notice (delay_warning_time) and success notice use the same layout.
    DsnAction action =
        bounce.mentions("THIS IS A WARNING ONLY")
            ? DsnAction.DELAYED
            : bounce.mentions("was successfully delivered")
                ? DsnAction.DELIVERED
                : DsnAction.FAILED;
    List<RecipientStatus> entries = new ArrayList<>();
    for (AddressParagraphs.Paragraph p :
        AddressParagraphs.read(bounce.lines(), start + 1, bounce.limits().maxRecipients() + 1)) {
      bounce.entry(p.address(), action, p.text(), problems).ifPresent(entries::add);
    }
    return bounce.report(
        BounceFormat.POSTFIX,
        entries,
        Optional.empty(),
        bounce.original("--- Undelivered message follows ---"),
        problems);
  }
}
