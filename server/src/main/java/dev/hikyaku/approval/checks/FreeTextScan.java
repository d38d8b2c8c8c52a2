package dev.hikyaku.approval.checks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Personal data in running text (a text file, a document, a mail body), counted per kind over the
 * whole text; the place of each kind lists the first lines it was found on.
 */
final class FreeTextScan {

  private final String prefix;
  private final Locations.Unit unit;
  private final Set<DataKind> kinds;
  private final Predicate<PersonalData.Hit> counts;
  private final Tally tally;
  private final Map<DataKind, Place> places = new EnumMap<>(DataKind.class);

  private static final class Place {
    final List<Integer> numbers = new ArrayList<>();
    int units;
    int occurrences;
    int lastNumber = -1;
  }

  /**
   * @param prefix what the locations start with: {@code "attachment notes.txt, "}, {@code "html "}
   * @param counts which hits count (a body leaves out the sender's own addresses)
   */
  FreeTextScan(
      String prefix,
      Locations.Unit unit,
      Set<DataKind> kinds,
      Predicate<PersonalData.Hit> counts,
      Tally tally) {
    this.prefix = prefix;
    this.unit = unit;
    this.kinds = kinds;
    this.counts = counts;
    this.tally = tally;
  }

  /** Scans a line of line, paragraph or slide {@code number}; a slide may have several. */
  void line(int number, String text) {
    if (text.isBlank()) {
      return;
    }
    for (PersonalData.Hit hit : PersonalData.find(TextNormalizer.normalize(text), kinds)) {
      if (!counts.test(hit)) {
        continue;
      }
      tally.value(hit.kind(), hit.value());
      Place place = places.computeIfAbsent(hit.kind(), k -> new Place());
      place.occurrences++;
      if (place.lastNumber != number) {
        place.lastNumber = number;
        place.units++;
        if (place.numbers.size() < Locations.MAX_LISTED) {
          place.numbers.add(number);
        }
      }
    }
  }

  /** Hands the places found to the tally. */
  void finish() {
    places.forEach((kind, place) ->
        tally.place(
            kind, Locations.units(prefix, unit, place.numbers, place.units), place.occurrences));
  }
}
