package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Objects;

/**
 * The likely place of the trouble and every vote that led to it, so the report can show its
 * reasoning.
 */
public record PlaceVerdict(TroublePlace place, List<PlaceVote> votes) {

  public PlaceVerdict {
    Objects.requireNonNull(place, "place");
    votes = List.copyOf(votes);
  }

  /** The total weight of the votes for {@code candidate}. */
  public int weight(TroublePlace candidate) {
    return votes.stream().filter(v -> v.place() == candidate).mapToInt(PlaceVote::weight).sum();
  }

  PlaceVerdict map(TextMapper f) {
    return new PlaceVerdict(
        place,
        votes.stream()
            .map(v ->
                new PlaceVote(v.place(), v.rule(), v.weight(), v.args().stream().map(f).toList()))
            .toList());
  }
}
