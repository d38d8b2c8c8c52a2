package dev.hikyaku.domains;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.shared.DomainName;
import dev.hikyaku.shared.InvalidInputException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending domains: adding one (with an RSA-2048 and an Ed25519 key), verifying its records,
 * rotating its keys, and the DKIM signers of verified domains for the delivery engine.
 *
 * <p>Rotation: new keys are generated as {@code PENDING} next to the active ones; the verification
 * that finds all of them published (and the domain's other records in order) activates them and
 * puts the old keys in {@code RETIRING} for the grace period, after which their private halves are
 * erased and their records may be removed.
 */
@Service
public class SendingDomainService {

  private static final DateTimeFormatter SELECTOR_MONTH =
      DateTimeFormatter.ofPattern("yyyyMM").withZone(ZoneOffset.UTC);
  private static final java.time.Duration SIGNER_CACHE = java.time.Duration.ofSeconds(30);

  private final DomainRepository repository;
  private final DkimKeyVault vault;
  private final DnsResolver dns;
  private final DomainsProperties properties;
  private final Clock clock;
  private final CurrentActor actor;
  private final Map<String, CachedSigners> signers = new ConcurrentHashMap<>();

  SendingDomainService(
      DomainRepository repository,
      DkimKeyVault vault,
      DnsResolver dns,
      DomainsProperties properties,
      Clock clock,
      @Lazy CurrentActor actor) {
    this.repository = repository;
    this.vault = vault;
    this.dns = dns;
    this.properties = properties;
    this.clock = clock;
    this.actor = actor;
  }

  /** Adds a domain with a fresh RSA-2048 and Ed25519 key pair, both waiting for their records. */
  @Transactional
  public DomainDetails add(String name) {
    DomainName domain = new DomainName(name);
    if (repository.findByName(domain.value()).isPresent()) {
      throw new InvalidInputException(
          "name", "domain-exists", domain + " is already a sending domain", domain.value());
    }
    String returnPath = properties.returnPathLabel().strip() + "." + domain.value();
    new DomainName(returnPath); // fails for a name that becomes too long
    Instant now = clock.instant();
    long id = repository.insert(domain.value(), returnPath, actor.actor().label(), now);
    generateKeys(id, domain.value(), now);
    actor.record("domain.add", "domain:" + domain, "", "unverified; return path " + returnPath);
    return details(id);
  }

  public List<SendingDomain> list() {
    return repository.all();
  }

  public DomainDetails details(long id) {
    SendingDomain domain = find(id);
    List<DkimKey> keys = repository.keys(id);
    return new DomainDetails(domain, keys, RecordPlan.of(domain, keys, properties));
  }

  public Optional<SendingDomain> findByName(String name) {
    return repository.findByName(new DomainName(name).value());
  }

  /** Whether {@code name} is a verified sending domain (the gate before any send). */
  public boolean isVerified(String name) {
    return findByName(name).map(SendingDomain::verified).orElse(false);
  }

  /**
   * Looks every record up and records the result. Pending keys become active once all of them and
   * the domain's other required records are published; the domain is verified when its active keys
   * and required records are.
   */
  @Transactional
  public Verification verify(long id) {
    SendingDomain domain = repository.lock(id).orElseThrow(() -> notFound(id));
    List<DkimKey> keys = repository.keys(id);
    List<RecordCheck> checks =
        new DomainVerifier(dns, properties).verify(domain, RecordPlan.of(domain, keys, properties));
    boolean othersOk =
        checks.stream()
            .filter(c -> c.expected().kind() != ExpectedRecord.Kind.DKIM)
            .noneMatch(RecordCheck::blocking);
    List<DkimKey> pending = inState(keys, DkimKey.State.PENDING);
    List<DkimKey> active = inState(keys, DkimKey.State.ACTIVE);
    Instant now = clock.instant();
    List<String> activated = new ArrayList<>();
    if (othersOk && !pending.isEmpty() && published(domain, pending, checks)) {
      for (DkimKey key : active) {
        repository.startRetiring(key.id(), now.plus(properties.rotationGrace()));
      }
      for (DkimKey key : pending) {
        repository.activate(key.id(), now);
        activated.add(key.selector());
      }
      active = pending;
    }
    boolean verified = othersOk && !active.isEmpty() && published(domain, active, checks);
    var status = verified ? SendingDomain.Status.VERIFIED : SendingDomain.Status.UNVERIFIED;
    String summary = String.join("\n", checks.stream().map(RecordCheck::summaryLine).toList());
    Instant verifiedAt =
        verified ? domain.verifiedAt().filter(t -> domain.verified()).orElse(now) : null;
    repository.recordCheck(id, status, verifiedAt, now, summary);
    signers.remove(domain.name());
    actor.record(
        "domain.verify",
        "domain:" + domain.name(),
        domain.status().name().toLowerCase(java.util.Locale.ROOT),
        status.name().toLowerCase(java.util.Locale.ROOT)
            + (activated.isEmpty() ? "" : "; activated " + String.join(", ", activated))
            + "; "
            + summary.replace('\n', ';'));
    return new Verification(find(id), checks, activated);
  }

  /**
   * Starts a key rotation: a new RSA and Ed25519 pair under new selectors, to be published; the
   * current keys sign until a verification finds the new records.
   */
  @Transactional
  public DomainDetails rotate(long id) {
    SendingDomain domain = repository.lock(id).orElseThrow(() -> notFound(id));
    List<DkimKey> before = repository.keys(id);
    if (inState(before, DkimKey.State.ACTIVE).isEmpty()) {
      throw new InvalidInputException(
          "id",
          "rotation-not-needed",
          domain.name() + " has no key in use yet: publish and verify its first keys",
          domain.name());
    }
    repository.deletePending(id);
    List<String> selectors = generateKeys(id, domain.name(), clock.instant());
    actor.record(
        "domain.rotate-keys",
        "domain:" + domain.name(),
        String.join(
            ", ", inState(before, DkimKey.State.ACTIVE).stream().map(DkimKey::selector).toList()),
        "pending " + String.join(", ", selectors));
    return details(id);
  }

  @Transactional
  public void remove(long id) {
    SendingDomain domain = repository.lock(id).orElseThrow(() -> notFound(id));
    repository.delete(id);
    signers.remove(domain.name());
    actor.record("domain.remove", "domain:" + domain.name(), domain.status().name(), "removed");
  }

  /** Ends the grace period of replaced keys: their private halves are erased. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  @Transactional
  public void retireDueKeys() {
    for (DkimKey key : repository.retireDue(clock.instant())) {
      String domain = repository.find(key.domainId()).map(SendingDomain::name).orElse("?");
      signers.remove(domain);
      actor.record(
          "dkim-key.retire",
          "domain:" + domain,
          "retiring " + key.selector(),
          "retired " + key.selector() + "; its DNS record may be removed");
    }
  }

  /**
   * The DKIM signers of a verified domain, one per active key (RSA and Ed25519: both signatures go
   * on every message, RFC 8463 §1).
   *
   * @throws DomainNotVerifiedException if the domain is unknown or not verified
   */
  public List<DkimSigner> signers(String domainName) {
    String name = new DomainName(domainName).value();
    CachedSigners cached = signers.get(name);
    Instant now = clock.instant();
    if (cached != null && cached.loadedAt().plus(SIGNER_CACHE).isAfter(now)) {
      return cached.signers();
    }
    SendingDomain domain =
        repository
            .findByName(name)
            .filter(SendingDomain::verified)
            .orElseThrow(() -> new DomainNotVerifiedException(name));
    List<DkimSigner> list = new ArrayList<>();
    for (DkimKey key : inState(repository.keys(domain.id()), DkimKey.State.ACTIVE)) {
      String sealed = repository.sealedPrivateKey(key.id()).orElseThrow();
      PrivateKey privateKey = vault.open(name, key.selector(), key.algorithm(), sealed);
      list.add(DkimSigner.builder(name, key.selector(), privateKey).build());
    }
    if (list.isEmpty()) {
      throw new DomainNotVerifiedException(name);
    }
    signers.put(name, new CachedSigners(List.copyOf(list), now));
    return List.copyOf(list);
  }

  private List<String> generateKeys(long id, String domain, Instant now) {
    List<DkimKey> existing = repository.keys(id);
    List<String> selectors = new ArrayList<>();
    for (DkimKey.Algorithm algorithm : DkimKey.Algorithm.values()) {
      String selector = freeSelector(existing, now, algorithm);
      repository.insertKey(id, selector, vault.generate(domain, selector, algorithm), now);
      selectors.add(selector);
    }
    return selectors;
  }

  /** {@code hk202611r} / {@code hk202611e}, with a counter when the month's name is taken. */
  private static String freeSelector(List<DkimKey> existing, Instant now, DkimKey.Algorithm a) {
    String base =
        "hk" + SELECTOR_MONTH.format(now) + (a == DkimKey.Algorithm.RSA_SHA256 ? "r" : "e");
    String selector = base;
    for (int n = 2; taken(existing, selector); n++) {
      selector = base + n;
    }
    return selector;
  }

  private static boolean taken(List<DkimKey> keys, String selector) {
    return keys.stream().anyMatch(k -> k.selector().equals(selector));
  }

  private static boolean published(
      SendingDomain domain, List<DkimKey> keys, List<RecordCheck> checks) {
    return keys.stream()
        .allMatch(k ->
            checks.stream()
                .anyMatch(c ->
                    c.expected().kind() == ExpectedRecord.Kind.DKIM
                        && c.expected().name().equals(k.recordName(domain.name()))
                        && c.status() == RecordCheck.Status.FOUND));
  }

  private static List<DkimKey> inState(List<DkimKey> keys, DkimKey.State state) {
    return keys.stream().filter(k -> k.state() == state).toList();
  }

  private SendingDomain find(long id) {
    return repository.find(id).orElseThrow(() -> notFound(id));
  }

  private static InvalidInputException notFound(long id) {
    return new DomainNotFoundException(id);
  }

  private record CachedSigners(List<DkimSigner> signers, Instant loadedAt) {}
}
