package dev.hikyaku.platform;

import dev.hikyaku.mailauth.dns.DnsJavaResolver;
import dev.hikyaku.mailauth.dns.DnsResolver;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one DNS resolver of the application (mailauth's dnsjava adapter, with its TTL cache). */
@Configuration(proxyBeanMethods = false)
class DnsConfiguration {

  @Bean
  DnsResolver dnsResolver(PlatformProperties properties, Clock clock) {
    DnsJavaResolver.Builder builder =
        DnsJavaResolver.builder()
            .timeout(properties.dnsTimeout())
            .maxCacheTtl(properties.dnsCacheMaxTtl())
            .clock(clock);
    if (!properties.dnsServer().isBlank()) {
      builder.server(properties.dnsServer().strip());
    }
    return builder.build();
  }
}
