package dev.hikyaku.diagnose.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sendmail's text-only bounce ("Returned mail: see transcript for details"): the addresses under
 * "----- The following addresses had permanent fatal errors -----" (or "transient non-fatal errors"
 * for a delay warning), each with an optional {@code (reason: ...)} line, then the SMTP transcript,
 * where the reply is looked up for addresses without a reason.
 */
final class SendmailRecogniser implements TextBounceRecogniser {

  private static final String FATAL = "The following addresses had permanent fatal errors";
  private static final String TRANSIENT = "The following addresses had transient non-fatal errors";
  private static final String TRANSCRIPT = "Transcript of session follows";

  @Override
  public Optional<DeliveryStatusReport> recognise(TextBounce bounce, Problems problems) {
    int start = bounce.lineWith(FATAL, 0);
    DsnAction action = DsnAction.FAILED;
    if (start < 0) {
      start = bounce.lineWith(TRANSIENT, 0);
      action = DsnAction.DELAYED;
    }
    if (start < 0) {
      return Optional.empty();
    }
    List<String> lines = bounce.lines();
    List<String> addresses = new ArrayList<>();
    List<StringBuilder> reasons = new ArrayList<>();
    for (int i = start + 1;
        i < lines.size() && addresses.size() <= bounce.limits().maxRecipients();
        i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("-----")) {
        break;
      }
      if (line.startsWith("(")) {
        // "(reason: 550 5.1.1 ...)" or "(expanded from: <...>)" about the address above.
        if (!reasons.isEmpty() && line.startsWith("(reason:")) {
          reasons
              .getLast()
              .append(line, "(reason:".length(), line.length() - (line.endsWith(")") ? 1 : 0));
        }
      } else {
        addresses.add(line);
        reasons.add(new StringBuilder());
      }
    }
    int transcript = bounce.lineWith(TRANSCRIPT, start);
    List<RecipientStatus> entries = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      String reason = reasons.get(i).toString().strip();
      if (reason.isEmpty() && transcript >= 0) {
        reason = fromTranscript(lines, transcript + 1, addresses.get(i));
      }
      bounce.entry(addresses.get(i), action, reason, problems).ifPresent(entries::add);
    }
    return bounce.report(
        BounceFormat.SENDMAIL,
        entries,
        Optional.empty(),
        bounce.original(
            "Original message follows", "Message header follows", "Unsent message follows"),
        problems);
  }

  /** The first reply in the transcript that names {@code address}, without the {@code <<<}. */
  private static String fromTranscript(List<String> lines, int from, String address) {
    String bare = TextBounce.address(address).orElse(address);
    for (int i = from; i < lines.size() && !lines.get(i).startsWith("-----"); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("<<<")) {
        line = line.substring(3).strip();
      }
      if (line.contains(bare) && SmtpText.leadingReplyCode(line).isPresent()) {
        return line;
      }
    }
    return "";
  }
}
