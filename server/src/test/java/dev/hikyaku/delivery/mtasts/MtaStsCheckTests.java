package dev.hikyaku.delivery.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.delivery.smtp.PeerVerification;
import dev.hikyaku.delivery.smtp.TlsSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MtaStsCheckTests {

  private static final List<String> MX =
      List.of("mx1.example.com", "a.b.example.com", "example.com", "mx2.example.com");

  private static MtaStsResult policy(MtaStsMode mode) {
    return new MtaStsResult.Policy(
        new MtaStsPolicy(mode, List.of(MxPattern.of("*.example.com")), Duration.ofDays(1)),
        "1",
        Instant.EPOCH);
  }

  private static MxPlan<String> plan(MtaStsResult result) {
    return MtaStsCheck.plan(result, MX, Function.identity());
  }

  @Test
  void aWildcardShouldMatchOneLabelOnly() {
    MtaStsPolicy p =
        new MtaStsPolicy(
            MtaStsMode.ENFORCE, List.of(MxPattern.of("*.example.com")), Duration.ofDays(1));
    assertThat(MtaStsCheck.matches(p, "mx1.example.com")).isTrue();
    assertThat(MtaStsCheck.matches(p, "a.b.example.com")).isFalse();
    assertThat(MtaStsCheck.matches(p, "example.com")).isFalse();
  }

  @Test
  void enforceShouldKeepOnlyMatchingHostsInOrderAndRequireVerifiedTls() {
    MxPlan<String> plan = plan(policy(MtaStsMode.ENFORCE));
    assertThat(plan.mode()).isEqualTo(MtaStsMode.ENFORCE);
    assertThat(plan.allowed())
        .containsExactly(
            new MxPlan.Allowed<>("mx1.example.com", "mx1.example.com", TlsRequirement.VERIFIED),
            new MxPlan.Allowed<>("mx2.example.com", "mx2.example.com", TlsRequirement.VERIFIED));
    assertThat(plan.refused()).containsExactly("a.b.example.com", "example.com");
    assertThat(plan.failures())
        .extracting(TlsFailure::type)
        .containsOnly(TlsFailureType.VALIDATION_FAILURE);
    assertThat(plan.failures())
        .extracting(f -> f.mxHost().orElseThrow())
        .containsExactly("a.b.example.com", "example.com");
  }

  @Test
  void enforceWithNoMatchingHostShouldAllowNothing() {
    MxPlan<String> plan =
        MtaStsCheck.plan(policy(MtaStsMode.ENFORCE), List.of("mx.other.net"), Function.identity());
    assertThat(plan.noneAllowed()).isTrue();
    assertThat(plan.refused()).containsExactly("mx.other.net");
  }

  @Test
  void testingShouldAllowEveryHostButReportMismatches() {
    MxPlan<String> plan = plan(policy(MtaStsMode.TESTING));
    assertThat(plan.allowed()).hasSize(4);
    assertThat(plan.allowed())
        .extracting(MxPlan.Allowed::tls)
        .containsOnly(TlsRequirement.OPPORTUNISTIC_REPORTED);
    assertThat(plan.refused()).isEmpty();
    assertThat(plan.failures()).hasSize(2);
  }

  @Test
  void noPolicyModeNoneAndFailedFetchShouldAllowEveryHostOpportunistically() {
    for (MtaStsResult result :
        List.of(
            new MtaStsResult.NoPolicy("no record"),
            policy(MtaStsMode.NONE),
            new MtaStsResult.TemporaryFailure(MtaStsFailure.CERTIFICATE, "bad certificate"))) {
      MxPlan<String> plan = plan(result);
      assertThat(plan.mode()).isEqualTo(MtaStsMode.NONE);
      assertThat(plan.allowed())
          .extracting(MxPlan.Allowed::tls)
          .containsOnly(TlsRequirement.OPPORTUNISTIC)
          .hasSize(4);
    }
    assertThat(plan(new MtaStsResult.TemporaryFailure(MtaStsFailure.CERTIFICATE, "x")).failures())
        .containsExactly(new TlsFailure(TlsFailureType.STS_WEBPKI_INVALID, Optional.empty(), "x"));
  }

  @Test
  void sessionsShouldBeJudgedOnlyWhenAPolicyAsksForIt() {
    TlsSummary verified =
        new TlsSummary(
            "TLSv1.3", "TLS_AES_128_GCM_SHA256", new PeerVerification.Verified(), "CN=x");
    TlsSummary mismatch =
        new TlsSummary(
            "TLSv1.3",
            "TLS_AES_128_GCM_SHA256",
            new PeerVerification.Unverified(PeerVerification.Reason.NAME_MISMATCH, "names x"),
            "CN=x");
    TlsSummary untrusted =
        new TlsSummary(
            "TLSv1.3",
            "TLS_AES_128_GCM_SHA256",
            new PeerVerification.Unverified(PeerVerification.Reason.UNTRUSTED_CHAIN, "self"),
            "CN=x");
    String mx = "mx1.example.com";
    assertThat(MtaStsCheck.sessionFailure(TlsRequirement.OPPORTUNISTIC, mx, Optional.empty()))
        .isEmpty();
    assertThat(MtaStsCheck.sessionFailure(TlsRequirement.VERIFIED, mx, Optional.of(verified)))
        .isEmpty();
    assertThat(MtaStsCheck.sessionFailure(TlsRequirement.VERIFIED, mx, Optional.empty()))
        .map(TlsFailure::type)
        .contains(TlsFailureType.STARTTLS_NOT_SUPPORTED);
    assertThat(
            MtaStsCheck.sessionFailure(
                TlsRequirement.OPPORTUNISTIC_REPORTED, mx, Optional.of(mismatch)))
        .map(TlsFailure::type)
        .contains(TlsFailureType.CERTIFICATE_HOST_MISMATCH);
    assertThat(MtaStsCheck.sessionFailure(TlsRequirement.VERIFIED, mx, Optional.of(untrusted)))
        .map(TlsFailure::type)
        .contains(TlsFailureType.CERTIFICATE_NOT_TRUSTED);
    assertThat(TlsFailureType.CERTIFICATE_HOST_MISMATCH.resultType())
        .isEqualTo("certificate-host-mismatch");
  }
}
