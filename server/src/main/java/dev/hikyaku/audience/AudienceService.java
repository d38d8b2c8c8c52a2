package dev.hikyaku.audience;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audiences and their contacts. A send reads an audience through {@link #sendable}, batch by batch,
 * so suppressed addresses are left out at the moment of sending.
 */
@Service
public class AudienceService {

  /** The most contacts one page (console or API) shows. */
  public static final int MAX_PAGE = 500;

  private final AudienceRepository repository;
  private final Clock clock;
  private final CurrentActor actor;

  AudienceService(AudienceRepository repository, Clock clock, @Lazy CurrentActor actor) {
    this.repository = repository;
    this.clock = clock;
    this.actor = actor;
  }

  @Transactional
  public Audience create(String name, String description) {
    String n = TextRules.requireLine("name", name, 200);
    String d = TextRules.optionalLine("description", description, 1000);
    if (repository.nameTaken(n)) {
      throw new InvalidInputException(
          "name", "audience-exists", "an audience named " + n + " exists", n);
    }
    long id = repository.insert(n, d, actor.actor().label(), clock.instant());
    actor.record("audience.create", "audience:" + id, "", n);
    return get(id);
  }

  public List<Audience> list() {
    return repository.all();
  }

  public Audience get(long id) {
    return repository
        .find(id)
        .orElseThrow(
            () -> new InvalidInputException("id", "no-such-audience", "no audience " + id));
  }

  @Transactional
  public void delete(long id) {
    Audience a = get(id);
    repository.delete(id);
    actor.record(
        "audience.delete", "audience:" + id, a.name() + " (" + a.contacts() + " contacts)", "");
  }

  /** Adds a contact, or updates the one with the same address. */
  @Transactional
  public Contact putContact(
      long audienceId, String email, String name, String company, Map<String, String> attributes) {
    get(audienceId);
    String address = ContactAddresses.normalise(email);
    Map<String, String> attrs = new LinkedHashMap<>();
    if (attributes != null) {
      attributes.forEach((k, v) ->
          attrs.put(
              TextRules.requireLine("attributes", k, 100),
              TextRules.optionalLine("attributes", v, 1000)));
    }
    if (Attributes.toJson(attrs).length() > Attributes.MAX_JSON) {
      throw new InvalidInputException("attributes", "too-long", "the attributes are too long");
    }
    Contact contact =
        new Contact(
            0,
            audienceId,
            address,
            TextRules.optionalLine("name", name, 200),
            TextRules.optionalLine("company", company, 200),
            attrs);
    boolean existed = repository.findContact(audienceId, address).isPresent();
    long id = repository.upsertContact(audienceId, contact, clock.instant());
    actor.record(existed ? "contact.update" : "contact.add", "audience:" + audienceId, "", address);
    return repository.findContact(audienceId, address).filter(c -> c.id() == id).orElseThrow();
  }

  @Transactional
  public void removeContact(long audienceId, long contactId) {
    if (!repository.deleteContact(audienceId, contactId)) {
      throw new InvalidInputException("id", "no-such-contact", "no contact " + contactId);
    }
    actor.record("contact.remove", "audience:" + audienceId, "contact " + contactId, "");
  }

  /** A page of contacts after {@code afterId}, at most {@link #MAX_PAGE}. */
  public List<Contact> contacts(long audienceId, long afterId, int limit, String search) {
    get(audienceId);
    return repository.contacts(audienceId, afterId, Math.max(1, Math.min(limit, MAX_PAGE)), search);
  }

  /** The next batch of unsuppressed contacts after {@code afterId}, in id order. */
  public List<Contact> sendable(long audienceId, long afterId, int batchSize) {
    return repository.sendable(audienceId, afterId, batchSize);
  }

  /**
   * About {@code n} unsuppressed contacts spread evenly over the audience, for an approver's look
   * at personalised messages.
   */
  public List<Contact> sample(long audienceId, int n) {
    long total = repository.countSendable(audienceId);
    List<Contact> out = new java.util.ArrayList<>();
    for (int i = 0; i < n && i < total; i++) {
      repository
          .sendableAt(audienceId, total <= n ? i : i * (total - 1) / (n - 1))
          .ifPresent(out::add);
    }
    return out;
  }

  /** Unsuppressed recipients per destination domain, the {@code limit} largest. */
  public List<DomainCount> domainCounts(long audienceId, int limit) {
    return repository.domainCounts(audienceId, limit);
  }

  /** How many contacts a send to the audience would reach now. */
  public long countSendable(long audienceId) {
    return repository.countSendable(audienceId);
  }
}
