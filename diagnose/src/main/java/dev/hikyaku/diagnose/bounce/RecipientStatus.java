package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.logs.Dsn;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a delivery report says about one recipient (RFC 3464 §2.3).
 *
 * @param finalRecipient the Final-Recipient: the address the reporting MTA tried (§2.3.2)
 * @param originalRecipient the Original-Recipient, as the sender gave it with ORCPT (§2.3.1)
 * @param action what the MTA did (§2.3.3)
 * @param status the Status as reported (§2.3.4), empty when missing or malformed; for a text bounce
 *     the first enhanced status code in its text
 * @param diagnosticCode what the remote system said (§2.3.6)
 * @param remoteMta the Remote-MTA that gave the diagnostic (§2.3.5)
 * @param lastAttemptDate the Last-Attempt-Date (§2.3.7)
 * @param bounceClass what the failure says about the address, see {@link BounceClassifier}
 */
public record RecipientStatus(
    TypedValue finalRecipient,
    Optional<TypedValue> originalRecipient,
    DsnAction action,
    Optional<Dsn> status,
    Optional<DiagnosticCode> diagnosticCode,
    Optional<TypedValue> remoteMta,
    Optional<OffsetDateTime> lastAttemptDate,
    BounceClass bounceClass) {

  public RecipientStatus {
    Objects.requireNonNull(finalRecipient, "finalRecipient");
    Objects.requireNonNull(originalRecipient, "originalRecipient");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(diagnosticCode, "diagnosticCode");
    Objects.requireNonNull(remoteMta, "remoteMta");
    Objects.requireNonNull(lastAttemptDate, "lastAttemptDate");
    Objects.requireNonNull(bounceClass, "bounceClass");
  }

  /** The recipient address: the value of Final-Recipient. */
  public String recipient() {
    return finalRecipient.value();
  }

  /** Whether this entry means the address must not be mailed again: a failed, hard bounce. */
  public boolean suppresses() {
    return action == DsnAction.FAILED && bounceClass.suppresses();
  }
}
