package dev.hikyaku.diagnose.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.diagnose.logs.Dsn;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status code decides where it can; the diagnostic words decide where it cannot. */
class BounceClassifierTests {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          5.1.1  | 550 5.1.1 <a@example.net>: Recipient address rejected     | HARD
          5.1.2  | 550 5.1.2 Host unknown                                     | HARD
          5.1.10 | 556 5.1.10 Recipient address has null MX                   | HARD
          5.4.4  | 550 5.4.4 Unable to route                                  | HARD
          5.2.1  | 550 5.2.1 The email account that you tried to reach is disabled | HARD
          5.7.13 | 550 5.7.13 User account disabled                           | HARD
          5.2.2  | 552 5.2.2 Mailbox full                                     | SOFT
          5.3.1  | 552 5.3.1 Mail system full                                 | SOFT
          5.4.7  | 550 5.4.7 Delivery time expired                            | SOFT
          4.2.2  | 452 4.2.2 The email account that you tried to reach is over quota | SOFT
          4.7.1  | 451 4.7.1 Greylisted                                       | SOFT
          4.1.1  | 450 4.1.1 user unknown (temporarily)                       | SOFT
          5.7.1  | 550 5.7.1 Message rejected as spam                         | POLICY
          5.7.1  | 550 5.7.1 user unknown                                     | POLICY
          5.7.26 | 550 5.7.26 Unauthenticated email is not accepted (DMARC)   | POLICY
          5.1.8  | 553 5.1.8 Sender address domain does not exist             | POLICY
          5.2.3  | 552 5.2.3 Message too large                                | POLICY
          5.6.0  | 554 5.6.0 Content rejected                                 | POLICY
          5.1.5  | 550 something                                              | UNKNOWN
          5.0.0  | 550 5.1.1 No such user                                     | HARD
          5.0.0  | 550 5.7.1 blocked                                          | POLICY
          5.0.0  | 550 No such user here                                      | HARD
          5.0.0  | 554 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org | POLICY
          5.0.0  | 550 Requested action not taken: mailbox unavailable        | HARD
          5.0.0  | 550 Mailbox unavailable - message looks like spam          | POLICY
          5.0.0  | 552 Mailbox full                                           | SOFT
          5.0.0  | 550 Administrative prohibition                             | UNKNOWN
          5.4.1  | 550 5.4.1 Recipient address rejected: Access denied. AS(201806281) | HARD
          5.4.1  | 550 5.4.1 Host unreachable                                 | UNKNOWN
          5.5.0  | 550 5.5.0 Requested action not taken: mailbox unavailable  | HARD
          2.0.0  | 250 2.0.0 OK                                               | NONE
          """)
  void theStatusDecidesFirstThenTheWords(String status, String text, BounceClass expected) {
    assertThat(BounceClassifier.classify(Dsn.parse(status), text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          550 5.1.1 <a@example.net>... User unknown                         | HARD
          Sorry, no mailbox here by that name. (#5.1.1)                       | HARD
          450 Greylisted, please try again later                               | SOFT
          421 Too many connections                                             | SOFT
          550 Unrouteable address                                              | HARD
          As their mailbox is full.                                            | SOFT
          The user(s) account is disabled.                                     | HARD
          送信先のメールアドレスは存在しません                               | HARD
          550 rejected: listed at bl.example.org                              | POLICY
          450 4.1.8 <news@example.jp>: Sender address rejected: Domain not found | SOFT
          553 <news@example.jp>: Sender address rejected: Domain not found    | POLICY
          550 Client host rejected: cannot find your reverse hostname         | POLICY
          Connection refused                                                   | UNKNOWN
          ''                                                                   | UNKNOWN
          """)
  void withoutAStatusTheCodeInTheTextAndThenTheWordsDecide(String text, BounceClass expected) {
    assertThat(BounceClassifier.classify(Optional.empty(), text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "DELAYED, SOFT",
    "DELIVERED, NONE",
    "RELAYED, NONE",
    "EXPANDED, NONE",
    "FAILED, HARD"
  })
  void theActionDecidesBeforeTheStatus(DsnAction action, BounceClass expected) {
    assertThat(BounceClassifier.classify(action, Dsn.parse("5.1.1"), "550 5.1.1 User unknown"))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2.0.0", "4.4.1"})
  void aFailedEntryIsNeverNoneAndAFourHundredIsSoft(String status) {
    BounceClass decided = BounceClassifier.classify(DsnAction.FAILED, Dsn.parse(status), "");

    assertThat(decided).isIn(BounceClass.UNKNOWN, BounceClass.SOFT);
    assertThat(decided.suppresses()).isFalse();
  }
}
