package dev.hikyaku.audience;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list: hard bounces, complaints and unsubscribes arrive here from the delivery
 * engine and the unsubscribe endpoints; people add and remove addresses by hand. Every send checks
 * it, at expansion and again just before each message.
 */
@Service
public class SuppressionService {

  private final SuppressionRepository repository;
  private final Clock clock;
  private final CurrentActor actor;

  SuppressionService(SuppressionRepository repository, Clock clock, @Lazy CurrentActor actor) {
    this.repository = repository;
    this.clock = clock;
    this.actor = actor;
  }

  public boolean isSuppressed(String email) {
    return repository.find(email).isPresent();
  }

  public Optional<Suppression> find(String email) {
    return repository.find(email);
  }

  /**
   * Suppresses an address (idempotent: an address suppressed already keeps its first reason).
   * Returns whether it was newly suppressed.
   */
  @Transactional
  public boolean suppress(String email, Suppression.Reason reason, String detail) {
    String address = email.strip();
    if (address.isEmpty() || address.length() > 254 || address.indexOf('@') < 1) {
      throw new InvalidInputException("email", "email", "not an e-mail address: " + email);
    }
    String why =
        TextRules.optionalLine(
            "detail", detail == null ? "" : detail.replaceAll("[\\r\\n\\t]+", " "), 1000);
    boolean added = repository.insert(address, reason, why, actor.actor().label(), clock.instant());
    if (added) {
      actor.record("suppression.add", "address:" + address, "", reason.name() + " " + why);
    }
    return added;
  }

  /** A person adds an address by hand. */
  @Transactional
  public boolean suppressManually(String email, String note) {
    return suppress(ContactAddresses.normalise(email), Suppression.Reason.MANUAL, note);
  }

  @Transactional
  public void remove(String email) {
    Suppression s =
        repository
            .find(email == null ? "" : email.strip())
            .orElseThrow(() ->
                new InvalidInputException(
                    "email", "no-such-suppression", "not suppressed: " + email));
    repository.delete(s.email());
    actor.record("suppression.remove", "address:" + s.email(), s.reason().name(), "");
  }

  public List<Suppression> page(long afterId, int limit, String search) {
    return repository.page(afterId, Math.max(1, Math.min(limit, 500)), search);
  }

  public long count() {
    return repository.count();
  }
}
