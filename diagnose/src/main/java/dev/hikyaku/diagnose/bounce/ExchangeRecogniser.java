package dev.hikyaku.diagnose.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of a Microsoft Exchange (2007 and later) or Office 365 non-delivery report without a
 * usable delivery-status part: after "Diagnostic information for administrators:" and "Generating
 * server:", each recipient address on a line of its own, then its reply as {@code #550 5.1.1
 * RESOLVER.ADR.RecipNotFound; not found ##} or {@code Remote Server returned '...'}, then "Original
 * message headers:" and the returned header.
 */
final class ExchangeRecogniser implements TextBounceRecogniser {

  private static final String DIAGNOSTIC = "Diagnostic information for administrators";
  private static final String GENERATING = "Generating server:";
  private static final String RETURNED = "Remote Server returned";
  private static final String HEADERS = "Original message headers:";

  @Override
  public Optional<DeliveryStatusReport> recognise(TextBounce bounce, Problems problems) {
    int start = bounce.lineWith(DIAGNOSTIC, 0);
    if (start < 0) {
      return Optional.empty();
    }
    DsnAction action =
        bounce.mentions("Delivery has been delayed to these recipients")
            ? DsnAction.DELAYED
            : DsnAction.FAILED;
    List<String> lines = bounce.lines();
    Optional<TypedValue> server = Optional.empty();
    List<String> addresses = new ArrayList<>();
    List<String> replies = new ArrayList<>();
    for (int i = start + 1;
        i < lines.size() && addresses.size() <= bounce.limits().maxRecipients();
        i++) {
      String line = lines.get(i).strip();
      if (line.startsWith(HEADERS)) {
        break;
      }
      if (line.startsWith(GENERATING)) {
        server = TypedValue.of("dns", line.substring(GENERATING.length()));
      } else if (line.contains("@") && line.indexOf(' ') < 0 && !line.startsWith("#")) {
        addresses.add(line);
        replies.add("");
      } else if (!addresses.isEmpty() && replies.getLast().isEmpty() && isReply(line)) {
        replies.set(replies.size() - 1, reply(line));
      }
    }
    List<RecipientStatus> entries = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      bounce.entry(addresses.get(i), action, replies.get(i), problems).ifPresent(entries::add);
    }
    return bounce.report(
        BounceFormat.EXCHANGE, entries, server, bounce.original(HEADERS), problems);
  }

  private static boolean isReply(String line) {
    return line.startsWith("#") || line.startsWith(RETURNED) || line.contains(" " + RETURNED);
  }

  /**
   * The reply without Exchange's {@code #...##} or {@code Remote Server returned '...'} wrapping.
   */
  private static String reply(String line) {
    String text = line;
    int returned = text.indexOf(RETURNED);
    if (returned >= 0) {
      text = text.substring(returned + RETURNED.length()).strip();
      if (text.startsWith("'")) {
        text = text.substring(1);
      }
      if (text.endsWith("'")) {
        text = text.substring(0, text.length() - 1);
      }
      return text.strip();
    }
    if (text.startsWith("#")) {
      text = text.substring(1);
    }
    if (text.endsWith("##")) {
      text = text.substring(0, text.length() - 2);
    }
    return text.strip();
  }
}
