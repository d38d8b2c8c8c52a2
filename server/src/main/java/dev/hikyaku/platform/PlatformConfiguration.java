package dev.hikyaku.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module can inject: the clock (replaced in tests) and the secret box. */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class PlatformConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SecretBox secretBox(PlatformProperties properties) {
    return new SecretBox(MasterKeys.load(properties));
  }
}
