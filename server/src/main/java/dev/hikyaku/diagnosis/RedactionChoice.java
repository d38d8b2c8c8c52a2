package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.redaction.RedactionOptions;
import dev.hikyaku.shared.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person chose to mask in a redacted export, as the console's checkboxes and the API's
 * parameters give it; validated here, turned into the library's options by {@link #options()}.
 *
 * @param addresses mask addresses and the domains seen in them
 * @param names mask display names
 * @param subject mask the Subject
 * @param ipAddresses map IP addresses to documentation addresses
 * @param fields further header fields to mask (Message-ID and References keep their domain)
 * @param keptDomains domains left visible, such as the partner's own or {@code gmail.com}
 */
public record RedactionChoice(
    boolean addresses,
    boolean names,
    boolean subject,
    boolean ipAddresses,
    List<String> fields,
    List<String> keptDomains) {

  private static final int MAX_ITEMS = 50;
  // RFC 5322 §3.6.8: a field name is printable US-ASCII except the colon.
  private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]{1,76}");
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9_.-]{1,253}");

  public RedactionChoice {
    fields = clean(fields, FIELD_NAME, "fields", "diagnosis.field-name");
    keptDomains = clean(keptDomains, DOMAIN, "keptDomains", "diagnosis.kept-domain");
  }

  /** The library's options for this choice. */
  public RedactionOptions options() {
    return RedactionOptions.defaults()
        .withAddresses(addresses)
        .withNames(names)
        .withSubject(subject)
        .withIpAddresses(ipAddresses)
        .withFields(fields.toArray(String[]::new))
        .withKeptDomains(keptDomains.toArray(String[]::new));
  }

  private static List<String> clean(List<String> values, Pattern shape, String field, String code) {
    List<String> items = FormValues.split(values);
    if (items.size() > MAX_ITEMS) {
      throw new InvalidInputException(field, code, "at most " + MAX_ITEMS + " " + field);
    }
    for (String item : items) {
      if (!shape.matcher(item).matches()) {
        throw new InvalidInputException(field, code, "not valid here: " + item, item);
      }
    }
    return items.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
