package dev.hikyaku.campaigns;

import dev.hikyaku.platform.ClusterLease;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Starts scheduled campaigns when their time comes, on one node at a time. */
@Component
class CampaignScheduler {

  private final CampaignService campaigns;
  private final ClusterLease lease;

  CampaignScheduler(CampaignService campaigns, ClusterLease lease) {
    this.campaigns = campaigns;
    this.lease = lease;
  }

  @Scheduled(fixedDelayString = "${hikyaku.campaigns.schedule-check:PT10S}")
  void startDue() {
    if (!lease.acquire("campaigns.schedule", Duration.ofSeconds(30))) {
      return;
    }
    for (long id : campaigns.due()) {
      campaigns.startDue(id);
    }
  }
}
