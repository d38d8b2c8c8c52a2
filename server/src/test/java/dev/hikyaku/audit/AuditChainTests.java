package dev.hikyaku.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTests {

  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void hashShouldChangeWithAnyField() {
    String base =
        AuditChain.hash(
            1, T, "user:a", "127.0.0.1", "x", "t", "success", "", "", AuditChain.GENESIS);
    assertThat(
            AuditChain.hash(
                2, T, "user:a", "127.0.0.1", "x", "t", "success", "", "", AuditChain.GENESIS))
        .isNotEqualTo(base);
    assertThat(
            AuditChain.hash(
                1,
                T.plusMillis(1),
                "user:a",
                "127.0.0.1",
                "x",
                "t",
                "success",
                "",
                "",
                AuditChain.GENESIS))
        .isNotEqualTo(base);
    assertThat(
            AuditChain.hash(
                1, T, "user:b", "127.0.0.1", "x", "t", "success", "", "", AuditChain.GENESIS))
        .isNotEqualTo(base);
    assertThat(
            AuditChain.hash(
                1, T, "user:a", "127.0.0.1", "x", "t", "denied", "", "", AuditChain.GENESIS))
        .isNotEqualTo(base);
    assertThat(
            AuditChain.hash(
                1, T, "user:a", "127.0.0.1", "x", "t", "success", "", "", "1".repeat(64)))
        .isNotEqualTo(base);
  }

  @Test
  void fieldBoundariesShouldNotBeAmbiguous() {
    // Moving characters from one field to the next must change the hash (length prefixes).
    assertThat(AuditChain.hash(1, T, "ab", "c", "x", "t", "success", "", "", AuditChain.GENESIS))
        .isNotEqualTo(
            AuditChain.hash(1, T, "a", "bc", "x", "t", "success", "", "", AuditChain.GENESIS));
  }
}
