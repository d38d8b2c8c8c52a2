package dev.hikyaku.diagnose.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bounces from au by KDDI, recognised by their sender (ezweb.ne.jp, au.com, dion.ne.jp,
 * auone-net.jp) and one of two layouts, both under Japanese prose in ISO-2022-JP:
 *
 * <ul>
 *   <li>au one net: "Your mail sent on: date", then "Could not be delivered to: &lt;address&gt;"
 *       and the reason ("As their mailbox is full.") indented below;
 *   <li>EZweb ("Mail System Error - Returned Mail"): a reason line such as "The user(s) account is
 *       disabled." followed by the addresses, each as {@code <address>} optionally with {@code :
 *       reply} after it.
 * </ul>
 */
final class AuRecogniser implements TextBounceRecogniser {

  private static final List<String> SENDERS =
      List.of("ezweb.ne.jp", "@au.com", ".au.com", "dion.ne.jp", "auone-net.jp");
  private static final String COULD_NOT = "Could not be delivered to:";
  private static final List<String> REASONS =
      List.of("The user(s) ", "Your message ", "Each of the following");

  @Override
  public Optional<DeliveryStatusReport> recognise(TextBounce bounce, Problems problems) {
    if (SENDERS.stream().noneMatch(bounce.from()::contains)) {
      return Optional.empty();
    }
    List<RecipientStatus> entries = new ArrayList<>();
    if (bounce.lineWith(COULD_NOT, 0) >= 0) {
      auOneNet(bounce, problems, entries);
    } else {
      ezweb(bounce, problems, entries);
    }
    return bounce.report(
        BounceFormat.AU_KDDI, entries, Optional.empty(), bounce.original(), problems);
  }

  private static void auOneNet(
      TextBounce bounce, Problems problems, List<RecipientStatus> entries) {
    List<String> lines = bounce.lines();
    for (int i = bounce.lineWith(COULD_NOT, 0); i >= 0; i = bounce.lineWith(COULD_NOT, i + 1)) {
      String line = lines.get(i);
      String address = line.substring(line.indexOf(COULD_NOT) + COULD_NOT.length());
      StringBuilder reason = new StringBuilder();
      for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) {
        if (lines.get(j).contains(COULD_NOT) || lines.get(j).contains("Your mail sent on")) {
          break;
        }
        reason.append(' ').append(lines.get(j).strip());
      }
      bounce.entry(address, DsnAction.FAILED, reason.toString(), problems).ifPresent(entries::add);
      if (entries.size() > bounce.limits().maxRecipients()) {
        return;
      }
    }
  }

  private static void ezweb(TextBounce bounce, Problems problems, List<RecipientStatus> entries) {
    String reason = "";
    for (String raw : bounce.lines()) {
      String line = raw.strip();
      if (REASONS.stream().anyMatch(line::startsWith) && reason.isEmpty()) {
        reason = line;
      } else if (line.startsWith("<") && line.contains("@") && line.indexOf('>') > 0) {
        String after = line.substring(line.indexOf('>') + 1);
        String detail = after.startsWith(":") ? after.substring(1).strip() : "";
        String text = detail.isEmpty() ? reason : detail + " " + reason;
        bounce.entry(line, DsnAction.FAILED, text, problems).ifPresent(entries::add);
        if (entries.size() > bounce.limits().maxRecipients()) {
          return;
        }
      }
    }
  }
}
