package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.headers.HopThresholds;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Derives the likely place of the trouble from the evidence with explicit rules (docs/diagnose.md
 * lists them): each rule votes for one place, a fact from the headers or logs weighing {@value
 * PlaceVote#ATTACHMENT} and an answer alone {@value PlaceVote#ANSWER}; the place with the most
 * weight wins. No vote, or two places with the same top weight, is {@link
 * TroublePlace#UNDETERMINED}: the report then says so rather than guess.
 */
final class PlaceOfTrouble {

  private final List<PlaceRule> rules;

  PlaceOfTrouble(List<PlaceRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Every rule, with the header analyzer's default slow-hop threshold. */
  static PlaceOfTrouble standard() {
    return new PlaceOfTrouble(
        List.of(
            new RecipientAddressRule(),
            new PolicyRefusalRule(),
            new MtaTlsOrDnsRule(),
            new InternalDelayRule(HopThresholds.defaults().slowHop()),
            new CharsetMismatchRule(),
            new OnePersonRule(),
            new OneCounterpartRule(),
            new WholeCompanyRule(),
            new ServerAffectedRule(),
            new MisdeliveryRule()));
  }

  PlaceVerdict decide(Evidence evidence) {
    Objects.requireNonNull(evidence, "evidence");
    List<PlaceVote> votes = rules.stream().flatMap(r -> r.vote(evidence).stream()).toList();
    Map<TroublePlace, Integer> weights = new EnumMap<>(TroublePlace.class);
    votes.forEach(v -> weights.merge(v.place(), v.weight(), Integer::sum));
    List<Map.Entry<TroublePlace, Integer>> ranked =
        weights.entrySet().stream()
            .sorted(Map.Entry.<TroublePlace, Integer>comparingByValue(Comparator.reverseOrder()))
            .toList();
    TroublePlace place =
        Optional.of(ranked)
            .filter(r -> !r.isEmpty())
            .filter(r -> r.size() == 1 || r.get(0).getValue() > r.get(1).getValue())
            .map(r -> r.get(0).getKey())
            .orElse(TroublePlace.UNDETERMINED);
    return new PlaceVerdict(place, votes);
  }
}
