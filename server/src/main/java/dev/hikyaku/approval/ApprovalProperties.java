package dev.hikyaku.approval;

import dev.hikyaku.approval.checks.CheckPolicy;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The approval policy and the pre-send checks' thresholds.
 *
 * @param required approvals a send needs, from distinct people who are not its authors (at least 1;
 *     no setting lets anyone send without a second person)
 * @param largeAudience from this many recipients on, {@code requiredLarge} approvals are needed
 * @param requiredLarge approvals needed for a large audience
 * @param validity how long an approval stays usable: a send must start within this time of the last
 *     approval, or of its scheduled time when that is later
 * @param requireTestSend whether approval may be requested only after a test send of exactly the
 *     submitted content
 * @param cancelWindow how long after "start" the send waits before the first message leaves, so a
 *     mistake noticed at once can still be cancelled with nothing sent
 * @param senderIdentity a line that must appear in every campaign's body, e.g. the organisation's
 *     name and postal address (Japan's Act on Specified Electronic Mail, art. 4); empty: not
 *     checked
 * @param usualSizeFactor a send to more than this many times the audience's largest earlier send is
 *     flagged
 * @param checks the detectors' thresholds and blocked attachment types
 */
@ConfigurationProperties("hikyaku.approval")
public record ApprovalProperties(
    @DefaultValue("1") int required,
    @DefaultValue("10000") long largeAudience,
    @DefaultValue("2") int requiredLarge,
    @DefaultValue("72h") Duration validity,
    @DefaultValue("true") boolean requireTestSend,
    @DefaultValue("60s") Duration cancelWindow,
    @DefaultValue("") String senderIdentity,
    @DefaultValue("2") double usualSizeFactor,
    @DefaultValue Checks checks) {

  public ApprovalProperties {
    if (required < 1 || requiredLarge < 1) {
      throw new IllegalArgumentException(
          "hikyaku.approval.required and required-large must be at least 1: nothing is sent"
              + " without a second person's approval");
    }
    if (validity.isNegative() || validity.isZero() || cancelWindow.isNegative()) {
      throw new IllegalArgumentException(
          "hikyaku.approval.validity must be positive and cancel-window not negative");
    }
    senderIdentity = senderIdentity == null ? "" : senderIdentity.strip();
  }

  /** Approvals needed for a send to {@code recipients} people. */
  public int requiredFor(long recipients) {
    return recipients >= largeAudience ? Math.max(required, requiredLarge) : required;
  }

  /** The detectors' policy: the configured thresholds, the defaults where none is set. */
  public CheckPolicy checkPolicy() {
    CheckPolicy d = CheckPolicy.defaults();
    return new CheckPolicy(
        or(checks.addressesInFile(), d.fileAddressesBlockingAt()),
        or(checks.phoneNumbersInFile(), d.phoneNumbersBlockingAt()),
        or(checks.myNumbers(), d.myNumbersBlockingAt()),
        or(checks.cardNumbers(), d.cardNumbersBlockingAt()),
        or(checks.addressesInBody(), d.bodyAddressesBlockingAt()),
        checks.blockedExtensions().isEmpty()
            ? d.blockedExtensions()
            : java.util.Set.copyOf(checks.blockedExtensions()),
        checks.blockEncryptedArchives(),
        d.maxArchiveDepth(),
        d.maxArchiveEntries(),
        d.maxInflatedBytes());
  }

  private static int or(int configured, int fallback) {
    return configured > 0 ? configured : fallback;
  }

  /**
   * The detectors' thresholds; each empty or zero value takes {@link CheckPolicy#defaults()}.
   *
   * @param blockedExtensions attachment types refused, without the dot; empty: the default list
   */
  public record Checks(
      @DefaultValue("0") int addressesInFile,
      @DefaultValue("0") int phoneNumbersInFile,
      @DefaultValue("0") int myNumbers,
      @DefaultValue("0") int cardNumbers,
      @DefaultValue("0") int addressesInBody,
      @DefaultValue List<String> blockedExtensions,
      @DefaultValue("true") boolean blockEncryptedArchives) {

    public Checks {
      blockedExtensions = List.copyOf(blockedExtensions);
    }
  }
}
