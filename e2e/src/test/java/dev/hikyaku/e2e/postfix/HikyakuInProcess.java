package dev.hikyaku.e2e.postfix;

import dev.hikyaku.HikyakuApplication;
import dev.hikyaku.domains.DomainDetails;
import dev.hikyaku.domains.SendingDomainService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hikyaku in this JVM on an embedded H2 database in a data directory, delivering directly (MX
 * lookup, STARTTLS when offered) to the recipient domains' MX hosts on a given port.
 */
final class HikyakuInProcess {

  /** A fixed master key, so the second context opens the DKIM keys the first one sealed. */
  private static final String MASTER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  static final String EHLO_NAME = "mail.hikyaku.test";

  private HikyakuInProcess() {}

  /** The settings of a node sending directly to port {@code mxPort} from 127.0.0.1. */
  static Map<String, String> settings(Path dataDir, int mxPort, String bounceHost) {
    Map<String, String> s = new HashMap<>();
    s.put("hikyaku.platform.data-dir", dataDir.toString());
    s.put("hikyaku.platform.master-key", MASTER_KEY);
    s.put("hikyaku.domains.spf-mechanisms", "ip4:127.0.0.1");
    s.put("hikyaku.domains.bounce-mx", bounceHost);
    s.put("hikyaku.delivery.mode", "direct");
    s.put("hikyaku.delivery.direct-port", Integer.toString(mxPort));
    s.put("hikyaku.delivery.ehlo-name", EHLO_NAME);
    s.put("hikyaku.delivery.connect-timeout", "5s");
    s.put("hikyaku.delivery.retry-base", "1s");
    s.put("hikyaku.delivery.retry-max", "2s");
    s.put("hikyaku.delivery.expansion-interval", "200ms");
    s.put("spring.main.banner-mode", "off");
    s.putAll(dev.hikyaku.e2e.ApprovedStart.SETTINGS);
    return s;
  }

  /**
   * Adds {@code domain} with delivery off and returns its keys and planned records; the context is
   * closed again, since the DNS server that will publish the new keys does not exist yet.
   */
  static DomainDetails addDomain(Map<String, String> settings, String domain) {
    Map<String, String> setup = new HashMap<>(settings);
    setup.put("hikyaku.delivery.enabled", "false");
    try (ConfigurableApplicationContext ctx = start(setup)) {
      return ctx.getBean(SendingDomainService.class).add(domain);
    }
  }

  /** Starts a context; the settings go in as command-line arguments, as on a real node. */
  static ConfigurableApplicationContext start(Map<String, String> settings) {
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(HikyakuApplication.class)
        .web(WebApplicationType.NONE)
        .run(args);
  }
}
