package dev.hikyaku.diagnose.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exim's bounce and delay warning without a delivery-status part: "This message was created
 * automatically by mail delivery software.", then "A message that you sent could not be delivered
 * ..." (or "... has not yet been delivered ..." for a delay), then each address indented by two
 * spaces with its diagnostic indented by four — or, in older versions, each address between {@code
 * ------} rules with the diagnostic below — then "------ This is a copy of the message".
 */
final class EximRecogniser implements TextBounceRecogniser {

  private static final String RULE = "------ ";

  @Override
  public Optional<DeliveryStatusReport> recognise(TextBounce bounce, Problems problems) {
    int start =
        bounce.lineWith("This message was created automatically by mail delivery software", 0);
    if (start < 0) {
      return Optional.empty();
    }
    DsnAction action;
    if (bounce.mentions("could not be delivered to one or more of its recipients")) {
      action = DsnAction.FAILED;
    } else if (bounce.mentions("has not yet been delivered to one or more of its recipients")) {
      action = DsnAction.DELAYED;
    } else {
      return Optional.empty();
    }
    List<String> lines = bounce.lines();
    List<RecipientStatus> entries = new ArrayList<>();
    String address = null;
    boolean ruled = false;
    StringBuilder text = new StringBuilder();
    int max = bounce.limits().maxRecipients();
    for (int i = start + 1; i < lines.size() && entries.size() <= max; i++) {
      String line = lines.get(i);
      boolean ruledAddress =
          line.startsWith(RULE) && line.strip().endsWith("------") && line.contains("@");
      if (line.startsWith(RULE) && !ruledAddress) {
        break;
      }
      boolean indentedAddress =
          line.startsWith("  ") && !line.startsWith("   ") && line.contains("@");
      boolean detail = ruled ? !line.isBlank() : line.startsWith("    ") && !line.isBlank();
      if (ruledAddress || indentedAddress) {
        add(bounce, address, action, text, problems, entries);
        address = ruledAddress ? line.strip().substring(RULE.length()) : line.strip();
        ruled = ruledAddress;
      } else if (detail && address != null) {
        if (text.length() < DiagnosticCode.MAX_TEXT * 2) {
          text.append(' ').append(line.strip());
        }
      } else if (!line.isBlank() && address != null && !ruled) {
        // Back to unindented prose: the address list is over.
        add(bounce, address, action, text, problems, entries);
        address = null;
      }
    }
    add(bounce, address, action, text, problems, entries);
    return bounce.report(
        BounceFormat.EXIM,
        entries,
        Optional.empty(),
        bounce.original(
            "------ This is a copy of the message, including all the headers.",
            "------ The body of the message is"),
        problems);
  }

  private static void add(
      TextBounce bounce,
      String address,
      DsnAction action,
      StringBuilder text,
      Problems problems,
      List<RecipientStatus> entries) {
    if (address != null) {
      bounce.entry(address, action, text.toString(), problems).ifPresent(entries::add);
    }
    text.setLength(0);
  }
}
