package dev.hikyaku.approval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese phone numbers as people write them: fixed lines (10 digits: {@code 03-1234-5678}, {@code
 * (03)1234-5678}, {@code 03(1234)5678}, {@code 0312345678}), mobiles and IP phones (11 digits
 * starting 070, 080, 090, 050), and the {@code +81} forms of both.
 *
 * <p>Toll-free and shared-cost numbers (0120, 0800, 0570, 0990, 0180) are a company's, not a
 * person's, and are not counted.
 */
final class PhoneNumbers {

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![0-9+.-])(?:"
              + "\\+81[ -]?(?:\\(0\\)[ -]?)?[1-9][0-9]{0,3}[ -]?[0-9]{1,4}[ -]?[0-9]{4}"
              + "|\\(0[0-9]{1,4}\\)[ -]?[0-9]{1,4}-?[0-9]{4}"
              + "|0[0-9]{1,4}\\([0-9]{1,4}\\)[0-9]{4}"
              + "|0[0-9]{1,4}([ -])[0-9]{1,4}\\1[0-9]{4}"
              + "|0[0-9]{9,10}"
              + ")(?![0-9]|[-.][0-9])");

  private static final List<String> NOT_PERSONAL = List.of("0120", "0800", "0570", "0990", "0180");

  private PhoneNumbers() {}

  /** The phone numbers in {@code normalizedLine}, as national digits starting with 0. */
  static List<String> find(String normalizedLine) {
    List<String> found = new ArrayList<>();
    Matcher m = CANDIDATE.matcher(normalizedLine);
    while (m.find()) {
      String digits = national(m.group());
      if (plausible(digits)) {
        found.add(digits);
      }
    }
    return found;
  }

  /** The number as dialled inside Japan: {@code +81 (0)3-1234-5678} is {@code 0312345678}. */
  private static String national(String text) {
    if (text.startsWith("+81")) {
      return "0" + text.substring(3).replace("(0)", "").replaceAll("[^0-9]", "");
    }
    return text.replaceAll("[^0-9]", "");
  }

  private static boolean plausible(String digits) {
    if (digits.length() < 10 || digits.charAt(1) == '0') {
      return false;
    }
    for (String prefix : NOT_PERSONAL) {
      if (digits.startsWith(prefix)) {
        return false;
      }
    }
    boolean elevenDigitService = digits.matches("0[5789]0.*");
    return digits.length() == (elevenDigitService ? 11 : 10);
  }
}
