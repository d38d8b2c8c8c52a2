package dev.hikyaku.campaigns;

import dev.hikyaku.audience.AudienceService;
import dev.hikyaku.audience.Contact;
import dev.hikyaku.delivery.QueuedDelivery;
import dev.hikyaku.delivery.Recipient;
import dev.hikyaku.delivery.SendSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A campaign's test send: its seed list, each personalised with the fields of the audience's first
 * contact (so the test shows real personalisation), the subject marked as a test, through the same
 * route, signing and checks as the real send.
 */
@Component
class CampaignTestSendSource implements SendSource {

  static final String KIND = "campaign-test";

  private final CampaignRepository campaigns;
  private final AudienceService audiences;
  private final CampaignSendSource campaignSource;

  CampaignTestSendSource(
      CampaignRepository campaigns, AudienceService audiences, CampaignSendSource campaignSource) {
    this.campaigns = campaigns;
    this.audiences = audiences;
    this.campaignSource = campaignSource;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<Recipient> recipients(long campaignId, long afterKey, int limit) {
    Campaign c = campaigns.find(campaignId).orElse(null);
    if (c == null) {
      return List.of();
    }
    Map<String, String> sample = sampleFields(c);
    List<Recipient> seeds = new ArrayList<>();
    List<String> addresses = c.testRecipients();
    for (int i = (int) afterKey; i < addresses.size() && seeds.size() < limit; i++) {
      Map<String, String> fields = new LinkedHashMap<>(sample);
      fields.put("email", addresses.get(i));
      seeds.add(new Recipient(i + 1L, addresses.get(i), fields));
    }
    return seeds;
  }

  /** The fields of the audience's first contact, or none. */
  Map<String, String> sampleFields(Campaign c) {
    return c.content()
        .audienceId()
        .flatMap(a -> audiences.sendable(a, 0, 1).stream().findFirst())
        .map(Contact::fields)
        .orElse(Map.of());
  }

  @Override
  public Rendering render(long campaignId, QueuedDelivery d) {
    return campaignSource.renderQueued(campaignId, d, true);
  }
}
