package dev.hikyaku.diagnosis.intake;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A long delay before the message left the sender's organisation (at a hop up to and including the
 * first external one) points at the internal network: a proxy, a relay or a firewall inside held it
 * before it reached the internet. The threshold is the header analyzer's slow hop (5 minutes).
 */
final class InternalDelayRule implements PlaceRule {

  private final Duration threshold;

  InternalDelayRule(Duration threshold) {
    this.threshold = Objects.requireNonNull(threshold, "threshold");
  }

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    if (evidence.internalDelayHop() == 0
        || evidence.internalDelaySeconds() <= threshold.toSeconds()) {
      return Optional.empty();
    }
    return Optional.of(
        new PlaceVote(
            TroublePlace.INTERNAL_NETWORK,
            "internal-delay",
            PlaceVote.ATTACHMENT,
            List.of(
                Integer.toString(evidence.internalDelayHop()),
                Long.toString(Math.max(1, evidence.internalDelaySeconds() / 60)))));
  }
}
