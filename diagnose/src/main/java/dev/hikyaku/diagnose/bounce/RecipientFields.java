package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.Excerpt;
import dev.hikyaku.diagnose.headers.DateParse;
import dev.hikyaku.diagnose.headers.MailDate;
import dev.hikyaku.diagnose.logs.Dsn;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Reads one per-recipient group of a delivery-status part (RFC 3464 §2.3) into an entry. */
final class RecipientFields {

  private RecipientFields() {}

  /**
   * The entry for {@code group}; empty, with a problem noted, when it names no recipient or has
   * neither an action nor a status to tell what happened.
   */
  static Optional<RecipientStatus> read(StatusGroups.Group group, Problems problems) {
    Optional<TypedValue> finalRecipient = address(group, "Final-Recipient", problems);
    Optional<TypedValue> originalRecipient = address(group, "Original-Recipient", problems);
    if (finalRecipient.isEmpty()) {
      if (originalRecipient.isEmpty()) {
        problems.add("a per-recipient group without a readable Final-Recipient was skipped");
        return Optional.empty();
      }
      // RFC 3464 §2.3.2 requires Final-Recipient; Original-Recipient still names the address.
      problems.add("Final-Recipient missing; Original-Recipient used instead");
      finalRecipient = originalRecipient;
    }
    Optional<Dsn> status = group.value("Status").flatMap(text -> status(text, problems));
    Optional<DiagnosticCode> diagnostic =
        group.value("Diagnostic-Code").filter(v -> !v.isBlank()).map(DiagnosticCode::parse);
    Optional<DsnAction> action = action(group, status, problems);
    if (action.isEmpty()) {
      problems.add(
          "no usable Action or Status for "
              + Excerpt.of(finalRecipient.get().value(), 80)
              + "; entry skipped");
      return Optional.empty();
    }
    String text = diagnostic.map(DiagnosticCode::text).orElse("");
    return Optional.of(
        new RecipientStatus(
            finalRecipient.get(),
            originalRecipient,
            action.get(),
            status,
            diagnostic,
            mta(group, "Remote-MTA", problems),
            date(group, "Last-Attempt-Date", problems),
            BounceClassifier.classify(action.get(), status, text)));
  }

  /** An address field; without a type, an address with '@' is read as rfc822 (RFC 3464 §2.3.2). */
  private static Optional<TypedValue> address(
      StatusGroups.Group group, String name, Problems problems) {
    Optional<String> value = group.value(name);
    if (value.isEmpty() || value.get().isBlank()) {
      return Optional.empty();
    }
    Optional<TypedValue> typed = TypedValue.parse(value.get());
    if (typed.isEmpty() && value.get().indexOf(';') < 0 && value.get().contains("@")) {
      problems.add(name + " without an address type; read as rfc822");
      typed = TypedValue.of("rfc822", value.get());
    }
    if (typed.isEmpty()) {
      problems.add(name + " unreadable: " + Excerpt.of(value.get(), 80));
    }
    return typed;
  }

  /** An MTA field; without a type the name is read as a DNS name (RFC 3464 §2.2.2). */
  static Optional<TypedValue> mta(StatusGroups.Group group, String name, Problems problems) {
    Optional<String> value = group.value(name).filter(v -> !v.isBlank());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<TypedValue> typed =
        TypedValue.parse(value.get()).or(() -> TypedValue.of("dns", value.get()));
    if (typed.isEmpty()) {
      problems.add(name + " unreadable: " + Excerpt.of(value.get(), 80));
    }
    return typed;
  }

  /** A date-time field (RFC 3464 §2.1.1: RFC 822 date-time). */
  static Optional<OffsetDateTime> date(StatusGroups.Group group, String name, Problems problems) {
    Optional<String> value = group.value(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return switch (MailDate.parse(value.get())) {
      case DateParse.Parsed parsed -> Optional.of(parsed.value());
      case DateParse.Invalid invalid -> {
        problems.add(name + " unreadable: " + invalid.problem());
        yield Optional.empty();
      }
    };
  }

  /** RFC 3464 §2.3.4: the status is the code, which some MTAs follow with a comment. */
  private static Optional<Dsn> status(String text, Problems problems) {
    String code = text.strip();
    int end = 0;
    while (end < code.length()
        && (Character.isDigit(code.charAt(end)) || code.charAt(end) == '.')) {
      end++;
    }
    Optional<Dsn> dsn = Dsn.parse(code.substring(0, end));
    if (dsn.isEmpty()) {
      problems.add("Status is not a class.subject.detail code: " + Excerpt.of(text, 40));
    }
    return dsn;
  }

  /**
   * The Action; when missing or unknown, inferred from the status class (5 failed, 4 delayed, 2
   * delivered) with a problem noted, so a malformed report still reaches the engine.
   */
  private static Optional<DsnAction> action(
      StatusGroups.Group group, Optional<Dsn> status, Problems problems) {
    Optional<String> text = group.value("Action");
    Optional<DsnAction> action = text.flatMap(DsnAction::parse);
    if (action.isPresent()) {
      return action;
    }
    Optional<DsnAction> inferred =
        status.map(s ->
            switch (s.statusClass()) {
              case 5 -> DsnAction.FAILED;
              case 4 -> DsnAction.DELAYED;
              default -> DsnAction.DELIVERED;
            });
    inferred.ifPresent(a ->
        problems.add(
            (text.isPresent() ? "unknown Action " + Excerpt.of(text.get(), 40) : "no Action")
                + "; "
                + a.name().toLowerCase(java.util.Locale.ROOT)
                + " inferred from Status "
                + status.get()));
    return inferred;
  }
}
