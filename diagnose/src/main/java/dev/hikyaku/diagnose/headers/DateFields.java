package dev.hikyaku.diagnose.headers;

import dev.hikyaku.diagnose.Excerpt;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of one date-time as {@link MailDate} reads them word by word; {@link #take} returns a
 * problem or null, {@link #complete} the outcome.
 */
final class DateFields {

  private static final String[] DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
  };
  private static final String[] MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december"
  };

  /** Zone names and their offsets in minutes: RFC 5322 §4.3's, then common ones in mail. */
  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("UT", 0),
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("Z", 0),
          Map.entry("EST", -300),
          Map.entry("EDT", -240),
          Map.entry("CST", -360),
          Map.entry("CDT", -300),
          Map.entry("MST", -420),
          Map.entry("MDT", -360),
          Map.entry("PST", -480),
          Map.entry("PDT", -420),
          Map.entry("JST", 540),
          Map.entry("KST", 540),
          Map.entry("HKT", 480),
          Map.entry("SGT", 480),
          Map.entry("AWST", 480),
          Map.entry("ACST", 570),
          Map.entry("AEST", 600),
          Map.entry("AEDT", 660),
          Map.entry("NZST", 720),
          Map.entry("NZDT", 780),
          Map.entry("WET", 0),
          Map.entry("WEST", 60),
          Map.entry("BST", 60),
          Map.entry("CET", 60),
          Map.entry("MET", 60),
          Map.entry("CEST", 120),
          Map.entry("MEST", 120),
          Map.entry("EET", 120),
          Map.entry("EEST", 180),
          Map.entry("MSK", 180),
          Map.entry("HST", -600),
          Map.entry("AKST", -540),
          Map.entry("AKDT", -480));

  private final List<String> notes;
  private int dayOfWeek = -1;
  private int day = -1;
  private int month = -1;
  private int year = -1;
  private int yearDigits;
  private int hour = -1;
  private int minute;
  private int second;
  private Integer offsetMinutes;

  DateFields(List<String> notes) {
    this.notes = notes;
  }

  /** Takes the next word of the date-time; returns what is wrong with it, or null. */
  String take(String token) {
    if (token.indexOf(':') >= 0 && hour < 0) {
      return time(token);
    }
    char first = token.charAt(0);
    if ((first == '+' || first == '-') && offsetMinutes == null && hour >= 0) {
      return numericZone(token);
    }
    if (allLetters(token)) {
      return word(token);
    }
    if (allDigits(token) && token.length() <= 4) {
      return number(token);
    }
    return "unexpected '" + Excerpt.of(token, 40) + "'";
  }

  private String word(String token) {
    int index;
    if (dayOfWeek < 0 && day < 0 && (index = nameIndex(DAYS, token)) >= 0) {
      dayOfWeek = index + 1;
    } else if (month < 0 && (index = nameIndex(MONTHS, token)) >= 0) {
      month = index + 1;
    } else if (hour >= 0 && offsetMinutes == null) {
      Integer known = ZONES.get(token.toUpperCase(Locale.ROOT));
      // RFC 5322 §4.3: military and unknown zone names are to be read as -0000.
      offsetMinutes = known == null ? 0 : known;
      if (known == null) {
        notes.add("unknown zone '" + Excerpt.of(token, 10) + "', UTC assumed");
      } else if (!token.equalsIgnoreCase("UT") && !token.equalsIgnoreCase("GMT")) {
        notes.add("zone name " + token + " instead of a numeric offset");
      }
    } else if (hour >= 0 && ZONES.containsKey(token.toUpperCase(Locale.ROOT))) {
      notes.add("zone name " + token + " after the offset ignored");
    } else {
      return "unexpected word '" + Excerpt.of(token, 40) + "'";
    }
    return null;
  }

  private String number(String token) {
    int value = Integer.parseInt(token);
    if (token.length() == 4 || token.length() == 3) {
      if (year >= 0) {
        return "two years";
      }
      year = value;
      yearDigits = token.length();
    } else if (day < 0 && year < 0) {
      day = value;
    } else if (year < 0) {
      year = value;
      yearDigits = token.length();
    } else {
      return "unexpected number " + token;
    }
    return null;
  }

  private String time(String token) {
    String[] fields = token.split(":", -1);
    if (fields.length < 2 || fields.length > 3) {
      return "time not hh:mm[:ss]";
    }
    String seconds = fields.length == 3 ? fields[2] : "0";
    int dot = seconds.indexOf('.');
    if (dot >= 0) {
      if (!allDigits(seconds.substring(dot + 1))) {
        return "time not hh:mm[:ss]";
      }
      notes.add("fractional seconds ignored");
      seconds = seconds.substring(0, dot);
    }
    for (String field : List.of(fields[0], fields[1], seconds)) {
      if (!allDigits(field) || field.length() > 2) {
        return "time not hh:mm[:ss]";
      }
    }
    hour = Integer.parseInt(fields[0]);
    minute = Integer.parseInt(fields[1]);
    second = Integer.parseInt(seconds);
    if (hour > 23 || minute > 59 || second > 60) {
      return "time out of range: " + token;
    }
    if (second == 60) {
      notes.add("leap second read as :59");
      second = 59;
    }
    return null;
  }

  private String numericZone(String token) {
    String digits = token.substring(1).replace(":", "");
    if (digits.length() != 4 || !allDigits(digits)) {
      return "zone not +hhmm: " + Excerpt.of(token, 20);
    }
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = Integer.parseInt(digits.substring(2));
    if (hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
      return "zone offset out of range: " + token;
    }
    offsetMinutes = (token.charAt(0) == '-' ? -1 : 1) * (hours * 60 + minutes);
    return null;
  }

  /** The date-time the words taken make, or what is missing or out of range. */
  DateParse complete() {
    if (day < 0 || month < 0 || year < 0) {
      return new DateParse.Invalid(day < 0 ? "no day" : month < 0 ? "no month" : "no year");
    }
    if (hour < 0) {
      return new DateParse.Invalid("no time of day");
    }
    if (yearDigits < 4) {
      // RFC 5322 §4.3: two digits 00-49 are 2000-2049, others and three digits add 1900.
      year += yearDigits <= 2 && year < 50 ? 2000 : 1900;
      notes.add("obsolete " + yearDigits + "-digit year");
    }
    if (year < 1900) {
      return new DateParse.Invalid("year before 1900 (RFC 5322 §3.3)");
    }
    if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return new DateParse.Invalid("no day " + day + " in " + MONTHS[month - 1]);
    }
    if (offsetMinutes == null) {
      notes.add("no zone, UTC assumed");
      offsetMinutes = 0;
    }
    OffsetDateTime value =
        OffsetDateTime.of(
            year,
            month,
            day,
            hour,
            minute,
            second,
            0,
            ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    DayOfWeek actual = value.getDayOfWeek();
    if (dayOfWeek > 0 && actual.getValue() != dayOfWeek) {
      notes.add(
          "the day name says "
              + DayOfWeek.of(dayOfWeek).name().toLowerCase(Locale.ROOT)
              + ", the date is a "
              + actual.name().toLowerCase(Locale.ROOT));
    }
    return new DateParse.Parsed(value, notes);
  }

  /** The index of {@code word} in {@code names} by full name or three-letter abbreviation. */
  static int nameIndex(String[] names, String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (lower.equals(name)
          || lower.equals(name.substring(0, 3))
          || lower.equals("sept") && i == 8) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code text} is non-empty ASCII digits. */
  static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /** Whether {@code text} is non-empty ASCII letters. */
  static boolean allLetters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return !text.isEmpty();
  }
}
