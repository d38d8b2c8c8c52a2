package dev.hikyaku.campaigns;

import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Contact;
import dev.hikyaku.audience.SuppressionService;
import dev.hikyaku.campaigns.render.Composition;
import dev.hikyaku.delivery.DeliveryService;
import dev.hikyaku.delivery.QueuedDelivery;
import dev.hikyaku.delivery.Recipient;
import dev.hikyaku.delivery.RenderedMessage;
import dev.hikyaku.delivery.SendSource;
import dev.hikyaku.domains.DomainNotVerifiedException;
import dev.hikyaku.domains.SendingDomain;
import dev.hikyaku.domains.SendingDomainService;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import dev.hikyaku.shared.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Campaigns as the delivery engine sees them: the audience's unsuppressed contacts in id order, and
 * for each queued recipient the personalised message, DKIM-signed with every active key of the
 * sending domain, with the VERP return path {@code bounce+<token>@<return-path domain>}.
 */
@Component
class CampaignSendSource implements SendSource {

  static final String KIND = "campaign";

  private final CampaignRepository campaigns;
  private final AudienceService audiences;
  private final SuppressionService suppressions;
  private final SendingDomainService domains;
  private final CampaignRenderer renderer;
  private final DeliveryService delivery;
  private static final long CONTEXT_TTL_NANOS = 1_000_000_000L;
  private final java.util.Map<Long, Context> contexts =
      new java.util.concurrent.ConcurrentHashMap<>();

  CampaignSendSource(
      CampaignRepository campaigns,
      AudienceService audiences,
      SuppressionService suppressions,
      SendingDomainService domains,
      CampaignRenderer renderer,
      @Lazy DeliveryService delivery) {
    this.campaigns = campaigns;
    this.audiences = audiences;
    this.suppressions = suppressions;
    this.domains = domains;
    this.renderer = renderer;
    this.delivery = delivery;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<Recipient> recipients(long campaignId, long afterKey, int limit) {
    Campaign c = campaigns.find(campaignId).orElse(null);
    if (c == null || c.content().audienceId().isEmpty()) {
      return List.of();
    }
    return audiences.sendable(c.content().audienceId().get(), afterKey, limit).stream()
        .map(CampaignSendSource::recipient)
        .toList();
  }

  static Recipient recipient(Contact contact) {
    return new Recipient(contact.id(), contact.email(), contact.fields());
  }

  @Override
  public Rendering render(long campaignId, QueuedDelivery d) {
    return renderQueued(campaignId, d, false);
  }

  /**
   * One queued message of a campaign's send or test send: the recipient is checked against the
   * suppression list again, then the message is rendered and signed.
   */
  Rendering renderQueued(long campaignId, QueuedDelivery d, boolean test) {
    if (suppressions.isSuppressed(d.recipient())) {
      return new Rendering.Suppressed(
          test ? "the test recipient is suppressed" : "suppressed since the send started");
    }
    Context context = context(campaignId);
    if (context == null) {
      return new Rendering.NotNow("campaign " + campaignId + " no longer exists");
    }
    return render(context, d, test);
  }

  /**
   * The campaign and its sending domain, read at most once a second per campaign rather than for
   * every message (a started campaign no longer changes; a draft's test send sees an edit within a
   * second).
   */
  private Context context(long campaignId) {
    long now = System.nanoTime();
    Context cached = contexts.get(campaignId);
    if (cached != null && now - cached.loadedAt() < CONTEXT_TTL_NANOS) {
      return cached;
    }
    Campaign c = campaigns.find(campaignId).orElse(null);
    if (c == null) {
      contexts.remove(campaignId);
      return null;
    }
    Context fresh =
        new Context(c, domains.findByName(c.content().sendingDomain()).orElse(null), now);
    contexts.put(campaignId, fresh);
    return fresh;
  }

  /** A campaign with its sending domain (null when the domain was removed), and when read. */
  private record Context(Campaign campaign, SendingDomain domain, long loadedAt) {}

  /** The signed message for one queued recipient of a campaign (or of its test send). */
  private Rendering render(Context context, QueuedDelivery d, boolean test) {
    Campaign c = context.campaign();
    try {
      new dev.hikyaku.shared.EmailAddress(d.recipient());
    } catch (InvalidInputException e) {
      // Old docomo/au addresses with ".." or ".@" are imported (they are real) but need a quoted
      // local part in SMTP and in To, which this version does not write yet.
      return new Rendering.Refused(
          "5.3.3", d.recipient() + " needs a quoted local part, which Hikyaku cannot send yet");
    }
    String domainName = c.content().sendingDomain();
    SendingDomain domain = context.domain();
    if (domain == null) {
      return new Rendering.NotNow("the sending domain " + domainName + " was removed");
    }
    CampaignRenderer.Draft draft;
    try {
      draft =
          renderer.draft(
              c,
              d.recipient(),
              d.fields(),
              d.token(),
              domain.returnPathDomain(),
              "a" + c.content().audienceId().orElse(0L),
              test);
    } catch (InvalidInputException e) {
      return new Rendering.NotNow("cannot build the message: " + e.getMessage());
    }
    if (!(draft.composition() instanceof Composition.Composed composed)) {
      return new Rendering.NotNow(
          "cannot be written in "
              + c.content().charset()
              + ": "
              + String.join(", ", draft.charsetProblems().stream().map(p -> p.detail()).toList()));
    }
    byte[] body = composed.message().toByteArray();
    byte[] signed;
    try {
      signed = sign(domainName, body);
    } catch (DomainNotVerifiedException e) {
      if (delivery.mode() != dev.hikyaku.delivery.DeliveryProperties.Mode.CAPTURE) {
        return new Rendering.NotNow(e.getMessage());
      }
      // Capture mode: nothing leaves the machine, so an unverified domain may be tried out.
      signed = body;
    }
    return new Rendering.Ready(
        new RenderedMessage(
            "bounce+" + d.token() + "@" + domain.returnPathDomain(),
            d.recipient(),
            draft.content().subject(),
            signed));
  }

  private byte[] sign(String domain, byte[] message) {
    List<DkimSigner> signers = domains.signers(domain);
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 1024 * signers.size());
    try {
      for (DkimSigner signer : signers) {
        out.write(signer.sign(message).getBytes(StandardCharsets.US_ASCII));
      }
      out.write(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
