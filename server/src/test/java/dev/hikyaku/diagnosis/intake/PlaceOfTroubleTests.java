package dev.hikyaku.diagnosis.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The documented rules that derive the likely place of the trouble (seed 000's four places), one by
 * one, and the verdict when the evidence does not decide.
 */
class PlaceOfTroubleTests {

  private final PlaceOfTrouble places = PlaceOfTrouble.standard();

  /** Answers like {@code direction=send}, {@code changes=os-update,maintenance}. */
  static Answers answers(TroubleKind kind, String... pairs) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    raw.put("summary", List.of("mail does not arrive"));
    if (kind == TroubleKind.SECURITY_INCIDENT) {
      raw.put("damage", List.of("other"));
    }
    for (String pair : pairs) {
      String[] kv = pair.split("=", 2);
      raw.put(kv[0], Arrays.asList(kv[1].split(",")));
    }
    return AnswersReader.read(kind, raw, true);
  }

  static Answers sending(String... pairs) {
    String[] all = Arrays.copyOf(pairs, pairs.length + 1);
    all[pairs.length] = "direction=send";
    return answers(TroubleKind.NON_DELIVERY, all);
  }

  static Evidence bounces(Answers answers, String... codes) {
    return new Evidence(answers, List.of(codes), 0, 0, 0, 0, List.of());
  }

  private PlaceVerdict decide(Evidence evidence) {
    return places.decide(evidence);
  }

  // From the attachments: each fact the analyzers established.

  @Test
  void aRecipientUnknownBounceOfMailWeSentShouldPointAtTheCounterpartsAddress() {
    PlaceVerdict v = decide(bounces(sending(), "5.1.1"));

    assertThat(v.place()).isEqualTo(TroublePlace.SENDER_SIDE);
    assertThat(v.votes())
        .singleElement()
        .satisfies(vote -> {
          assertThat(vote.rule()).isEqualTo("recipient-address");
          assertThat(vote.weight()).isEqualTo(PlaceVote.ATTACHMENT);
          assertThat(vote.args()).containsExactly("5.1.1");
        });
  }

  @Test
  void aRecipientUnknownBounceOfMailToUsShouldPointAtOurMailServer() {
    Answers receiving = answers(TroubleKind.NON_DELIVERY, "direction=receive");

    PlaceVerdict v = decide(bounces(receiving, "5.1.1", "5.2.2", "5.1.1"));

    assertThat(v.place()).isEqualTo(TroublePlace.MAIL_SERVER);
    assertThat(v.votes()).extracting(PlaceVote::rule).containsExactly("recipient-address-ours");
    assertThat(v.votes().getFirst().args()).containsExactly("5.1.1, 5.2.2");
  }

  @Test
  void aPolicyRefusalShouldPointAtTheSendingMailServer() {
    PlaceVerdict v = decide(bounces(sending(), "5.7.1"));

    assertThat(v.place()).isEqualTo(TroublePlace.MAIL_SERVER);
    assertThat(v.votes()).extracting(PlaceVote::rule).containsExactly("policy-refusal");
  }

  @Test
  void temporaryFailuresShouldNotCountAsBounces() {
    assertThat(decide(bounces(sending(), "4.2.0", "4.7.1")).votes()).isEmpty();
  }

  @Test
  void tlsOrDnsFailuresAtOurMtaShouldPointAtTheMailServer() {
    Evidence tls = new Evidence(sending(), List.of(), 3, 0, 0, 0, List.of());
    Evidence dns = new Evidence(sending(), List.of(), 0, 2, 0, 0, List.of());

    assertThat(decide(tls).place()).isEqualTo(TroublePlace.MAIL_SERVER);
    assertThat(decide(dns).place()).isEqualTo(TroublePlace.MAIL_SERVER);
    assertThat(decide(tls).votes().getFirst().args()).containsExactly("3", "0");
    assertThat(decide(dns).votes()).extracting(PlaceVote::rule).containsExactly("mta-tls-dns");
  }

  @Test
  void aLongDelayBeforeTheFirstExternalHopShouldPointAtTheInternalNetwork() {
    Evidence slow = new Evidence(sending(), List.of(), 0, 0, 47 * 60, 2, List.of());

    PlaceVerdict v = decide(slow);

    assertThat(v.place()).isEqualTo(TroublePlace.INTERNAL_NETWORK);
    assertThat(v.votes().getFirst().rule()).isEqualTo("internal-delay");
    assertThat(v.votes().getFirst().args()).containsExactly("2", "47");
  }

  @Test
  void aDelayWithinFiveMinutesShouldNotVote() {
    Evidence quick = new Evidence(sending(), List.of(), 0, 0, 300, 2, List.of());

    assertThat(decide(quick).votes()).isEmpty();
  }

  @Test
  void mojibakeInMailReceivedShouldPointAtTheSendersSide() {
    Answers receiving = answers(TroubleKind.NON_DELIVERY, "direction=receive");
    Evidence garbled =
        new Evidence(receiving, List.of(), 0, 0, 0, 0, List.of("body.charset-mismatch"));

    PlaceVerdict v = decide(garbled);

    assertThat(v.place()).isEqualTo(TroublePlace.SENDER_SIDE);
    assertThat(v.votes()).extracting(PlaceVote::rule).containsExactly("charset-mismatch");
  }

  @Test
  void mojibakeInMailWeSentShouldPointAtOurClient() {
    Evidence garbled = new Evidence(sending(), List.of(), 0, 0, 0, 0, List.of("header.raw-8bit"));

    PlaceVerdict v = decide(garbled);

    assertThat(v.place()).isEqualTo(TroublePlace.CLIENT);
    assertThat(v.votes()).extracting(PlaceVote::rule).containsExactly("charset-mismatch-ours");
  }

  @Test
  void mojibakeWithoutADirectionShouldNotVote() {
    Answers incident = answers(TroubleKind.SECURITY_INCIDENT);
    Evidence garbled =
        new Evidence(incident, List.of(), 0, 0, 0, 0, List.of("body.charset-mismatch"));

    assertThat(decide(garbled).votes()).isEmpty();
  }

  // From the answers alone.

  @Test
  void oneAccountFailingWithEveryCounterpartShouldPointAtThatPersonsClient() {
    PlaceVerdict v = decide(Evidence.answersOnly(sending("scope=one-account", "counterpart=all")));

    assertThat(v.place()).isEqualTo(TroublePlace.CLIENT);
    assertThat(v.votes())
        .singleElement()
        .satisfies(vote -> {
          assertThat(vote.rule()).isEqualTo("one-person");
          assertThat(vote.weight()).isEqualTo(PlaceVote.ANSWER);
        });
  }

  @Test
  void oneInfectedPcThroughAReceivedMailShouldPointAtTheClient() {
    Answers incident =
        answers(
            TroubleKind.SECURITY_INCIDENT,
            "scale=one-person",
            "affected=pc",
            "cause=mail-received");

    assertThat(decide(Evidence.answersOnly(incident)).place()).isEqualTo(TroublePlace.CLIENT);
  }

  @Test
  void oneCounterpartOnlyShouldPointAtTheirSide() {
    PlaceVerdict v = decide(Evidence.answersOnly(sending("counterpart=one")));

    assertThat(v.place()).isEqualTo(TroublePlace.SENDER_SIDE);
    assertThat(v.votes()).extracting(PlaceVote::rule).containsExactly("one-counterpart");
  }

  @Test
  void theWholeCompanyShouldPointAtTheMailServer() {
    PlaceVerdict v = decide(Evidence.answersOnly(sending("scope=company", "counterpart=one")));

    assertThat(v.place()).isEqualTo(TroublePlace.MAIL_SERVER);
    assertThat(v.votes()).extracting(PlaceVote::rule).containsExactly("whole-company");
  }

  @Test
  void anAffectedOrAbusedServerShouldPointAtTheMailServer() {
    Answers affected = answers(TroubleKind.SECURITY_INCIDENT, "affected=pc,server");
    Answers relay = answers(TroubleKind.SECURITY_INCIDENT, "damage=spam-relay");

    assertThat(decide(Evidence.answersOnly(affected)).place()).isEqualTo(TroublePlace.MAIL_SERVER);
    assertThat(decide(Evidence.answersOnly(relay)).votes())
        .extracting(PlaceVote::rule)
        .containsExactly("server-affected");
  }

  @Test
  void mailSentToTheWrongPeopleShouldPointAtTheClient() {
    Answers misdelivery = answers(TroubleKind.SECURITY_INCIDENT, "damage=misdelivery");

    PlaceVerdict v = decide(Evidence.answersOnly(misdelivery));

    assertThat(v.place()).isEqualTo(TroublePlace.CLIENT);
    assertThat(v.votes()).extracting(PlaceVote::rule).containsExactly("misdelivery");
  }

  // When the evidence does not decide.

  @Test
  void noEvidenceAtAllShouldBeUndetermined() {
    PlaceVerdict v = decide(Evidence.answersOnly(sending()));

    assertThat(v.place()).isEqualTo(TroublePlace.UNDETERMINED);
    assertThat(v.votes()).isEmpty();
  }

  @Test
  void equalEvidenceForTwoPlacesShouldBeUndetermined() {
    Evidence both = new Evidence(sending(), List.of("5.1.1"), 2, 0, 0, 0, List.of());

    PlaceVerdict v = decide(both);

    assertThat(v.place()).isEqualTo(TroublePlace.UNDETERMINED);
    assertThat(v.weight(TroublePlace.SENDER_SIDE)).isEqualTo(v.weight(TroublePlace.MAIL_SERVER));
    assertThat(v.votes())
        .extracting(PlaceVote::rule)
        .containsExactly("recipient-address", "mta-tls-dns");
  }

  @Test
  void aFactFromTheAttachmentsShouldOutweighAnAnswerAlone() {
    Evidence evidence = bounces(sending("scope=company"), "5.1.1");

    PlaceVerdict v = decide(evidence);

    assertThat(v.place()).isEqualTo(TroublePlace.SENDER_SIDE);
    assertThat(v.weight(TroublePlace.MAIL_SERVER)).isEqualTo(PlaceVote.ANSWER);
  }
}
