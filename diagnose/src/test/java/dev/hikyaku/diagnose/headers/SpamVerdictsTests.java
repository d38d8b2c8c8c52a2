package dev.hikyaku.diagnose.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.message.HeaderBlock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Spam filter verdicts in received headers, explained. */
class SpamVerdictsTests {

  private static HeaderBlock headers(String text) {
    return HeaderBlock.read(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), 1 << 20);
  }

  @Test
  void microsoft365ReportShouldBeExplainedInWords() {
    var verdicts =
        SpamVerdicts.read(
            headers(
                """
                X-Forefront-Antispam-Report: CIP:192.0.2.25;CTRY:JP;LANG:ja;SCL:5;SRV:;IPV:NLI;
                 SFV:SPM;H:out.example.co.jp;PTR:out.example.co.jp;CAT:SPOOF;SFS:(13230040);DIR:INB;
                X-Microsoft-Antispam: BCL:8;ARA:13230040;
                X-MS-Exchange-Organization-SCL: -1

                """));

    assertThat(verdicts).hasSize(3);
    assertThat(verdicts.get(0).spam()).isTrue();
    assertThat(verdicts.get(0).explanation())
        .contains("SFV SPM: spam")
        .contains("CAT SPOOF: spoofing (sender authentication failed)")
        .contains("SCL 5: spam (junk folder)")
        .contains("connecting IP 192.0.2.25");
    assertThat(verdicts.get(1).explanation()).isEqualTo("BCL 8: bulk sender with many complaints");
    assertThat(verdicts.get(2).spam()).isFalse();
    assertThat(verdicts.get(2).explanation()).contains("skipped filtering");
  }

  @Test
  void spamAssassinAndRspamdShouldGiveScoresAndRules() {
    var verdicts =
        SpamVerdicts.read(
            headers(
                """
                X-Spam-Status: Yes, score=7.2 required=5.0 tests=BAYES_99,
                 RDNS_NONE autolearn=no version=4.0.0
                X-Spamd-Result: default: False [2.50 / 15.00]; R_SPF_ALLOW(-0.20)[+ip4:192.0.2.0/24]
                X-Rspamd-Action: no action

                """));

    assertThat(verdicts)
        .extracting(SpamVerdicts.Verdict::filter, SpamVerdicts.Verdict::spam)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SpamAssassin", true),
            org.assertj.core.groups.Tuple.tuple("rspamd", false),
            org.assertj.core.groups.Tuple.tuple("rspamd", false));
    assertThat(verdicts.get(0).explanation())
        .isEqualTo("spam, score 7.2 of 5.0 needed; rules: BAYES_99,RDNS_NONE");
    assertThat(verdicts.get(1).explanation()).contains("2.50 / 15.00");
  }

  @Test
  void garbageShouldNotThrow() {
    assertThat(
            SpamVerdicts.read(
                headers(
                    """
                    X-Forefront-Antispam-Report: ;;;:::SCL:x;SFV
                    X-Spam-Status: score=
                    X-Spamd-Result: ]][[

                    """)))
        .hasSize(3);
  }
}
