package dev.hikyaku.approval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs the personal-data detectors over one line of text. */
final class PersonalData {

  /** One value found: its kind and a normalised form for counting distinct values. */
  record Hit(DataKind kind, String value, boolean grouped) {}

  private PersonalData() {}

  /** The hits of the given kinds in {@code normalizedLine}, in {@link DataKind} order. */
  static List<Hit> find(String normalizedLine, Set<DataKind> kinds) {
    List<Hit> hits = new ArrayList<>();
    if (kinds.contains(DataKind.ADDRESS)) {
      for (String address : AddressFinder.find(normalizedLine)) {
        hits.add(new Hit(DataKind.ADDRESS, address, false));
      }
    }
    if (!hasDigits(normalizedLine)) {
      return hits;
    }
    if (kinds.contains(DataKind.MY_NUMBER)) {
      for (MyNumber.Match m : MyNumber.find(normalizedLine)) {
        hits.add(new Hit(DataKind.MY_NUMBER, m.digits(), m.grouped()));
      }
    }
    if (kinds.contains(DataKind.CARD_NUMBER)) {
      for (String digits : CardNumbers.find(normalizedLine)) {
        hits.add(new Hit(DataKind.CARD_NUMBER, digits, false));
      }
    }
    if (kinds.contains(DataKind.PHONE_NUMBER)) {
      for (String digits : PhoneNumbers.find(normalizedLine)) {
        hits.add(new Hit(DataKind.PHONE_NUMBER, digits, false));
      }
    }
    return hits;
  }

  private static boolean hasDigits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < 10; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits >= 10;
  }
}
