package dev.hikyaku.test;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's DNS resolver with an in-process zone that tests fill, so no
 * integration test asks a real DNS server. Tests use names of their own, as the zone is shared by
 * every test in the context. End-to-end tests that need a real server use dnsmasq instead.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDnsConfiguration {

  @Bean
  @Primary
  InMemoryZone testZone() {
    return new InMemoryZone();
  }
}
