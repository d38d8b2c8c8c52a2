package dev.hikyaku.diagnosis;

import java.util.ArrayList;
import java.util.List;

/** Lists as forms and query strings give them: repeated parameters, or one box of several. */
final class FormValues {

  private FormValues() {}

  /** The items of {@code values}, each split at commas and white space, empty ones dropped. */
  static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values == null) {
      return out;
    }
    for (String value : values) {
      if (value == null) {
        continue;
      }
      for (String item : value.split("[,\\s]+")) {
        if (!item.isBlank()) {
          out.add(item.strip());
        }
      }
    }
    return out;
  }
}
