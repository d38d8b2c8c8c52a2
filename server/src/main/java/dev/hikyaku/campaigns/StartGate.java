package dev.hikyaku.campaigns;

import java.util.Optional;

/**
 * A condition a campaign must meet, checked on the server at the moment its send starts (never only
 * in the page). Every gate must pass. The approval workflow plugs in here as one more gate:
 * "approved by someone else, for exactly this content".
 */
public interface StartGate {

  /**
   * Why the campaign may not start, or empty when this gate lets it.
   *
   * @param test whether this is the test send to the seed list rather than the real send
   */
  Optional<Refusal> check(Campaign campaign, boolean test);

  /** A refusal: a message code for the console and an English text for the API. */
  record Refusal(String code, String message, Object... args) {}
}
