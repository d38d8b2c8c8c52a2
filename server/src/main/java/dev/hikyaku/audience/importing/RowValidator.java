package dev.hikyaku.audience.importing;

import dev.hikyaku.diagnose.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * Turns the records of one file into row results: the record's own defects first, then the address,
 * duplicates, suppression, and the other columns.
 *
 * <p>Each row gets one rejection reason, the first that applies in that order. Duplicates are
 * looked for among valid addresses only, and only the first occurrence of an address is asked about
 * suppression.
 */
final class RowValidator {

  private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}+");

  private final ColumnMapping mapping;
  private final ImportLimits limits;
  private final AddressCheck addresses;
  private final SuppressionCheck suppression;
  private final AddressSet seen = new AddressSet();
  private final int address;
  private final int name;
  private final int family;
  private final int given;
  private final int company;

  RowValidator(ColumnMapping mapping, ImportOptions options, SuppressionCheck suppression) {
    this.mapping = mapping;
    this.limits = options.limits();
    this.addresses = new AddressCheck(options.fullWidth());
    this.suppression = suppression;
    this.address = mapping.indexOf(ColumnRole.ADDRESS);
    this.name = mapping.indexOf(ColumnRole.NAME);
    this.family = mapping.indexOf(ColumnRole.FAMILY_NAME);
    this.given = mapping.indexOf(ColumnRole.GIVEN_NAME);
    this.company = mapping.indexOf(ColumnRole.COMPANY);
  }

  /** The result for {@code record}; {@code charset} names the charset it was decoded with. */
  RowResult validate(CsvRecord record, String charset) {
    int width = mapping.columns().size();
    if (record.undecodable()) {
      return reject(record, Rejection.of(RejectionReason.UNDECODABLE_BYTES, charset));
    }
    if (record.unterminatedQuote()) {
      return reject(
          record,
          Rejection.of(RejectionReason.UNTERMINATED_QUOTE, Long.toString(record.lastLine())));
    }
    if (record.longField() > 0) {
      return reject(
          record,
          Rejection.of(
              RejectionReason.FIELD_TOO_LONG,
              Integer.toString(record.longField()),
              Integer.toString(limits.maxFieldChars())));
    }
    if (record.extraNonBlank()) {
      return reject(
          record,
          Rejection.of(
              RejectionReason.TOO_MANY_COLUMNS,
              Integer.toString(record.columns()),
              Integer.toString(width)));
    }
    return switch (addresses.check(field(record, address))) {
      case AddressVerdict.Invalid invalid -> reject(record, invalid.rejection());
      case AddressVerdict.Valid valid -> contact(record, valid);
    };
  }

  private RowResult contact(CsvRecord record, AddressVerdict.Valid valid) {
    ContactAddress contact = valid.address();
    long first = seen.addIfAbsent(contact.duplicateKey(), record.line());
    if (first != 0) {
      return reject(
          record,
          Rejection.of(RejectionReason.DUPLICATE_ADDRESS, contact.value(), Long.toString(first)));
    }
    if (suppression.isSuppressed(contact)) {
      return reject(record, Rejection.of(RejectionReason.SUPPRESSED, contact.value()));
    }
    List<RowWarning> warnings = new ArrayList<>();
    if (record.irregularQuotes()) {
      warnings.add(RowWarning.of(WarningCode.IRREGULAR_QUOTES));
    }
    warnings.addAll(valid.warnings());
    String fullName = name(record, warnings);
    if (fullName.isEmpty() && !valid.displayName().isEmpty()) {
      fullName = valid.displayName();
      warnings.add(RowWarning.of(WarningCode.DISPLAY_NAME_USED_AS_NAME, fullName));
    }
    return RowResult.accepted(
        new ImportRow(
            record.line(),
            contact,
            fullName,
            line(record, company, warnings),
            customFields(record),
            warnings));
  }

  private String name(CsvRecord record, List<RowWarning> warnings) {
    if (name >= 0) {
      return line(record, name, warnings);
    }
    String familyName = line(record, family, warnings);
    String givenName = line(record, given, warnings);
    return (familyName + " " + givenName).strip();
  }

  /**
   * The cell at {@code index} stripped, as one line: names end up in mail headers, where a line
   * break would start a new header field (RFC 5322 §2.2).
   */
  private String line(CsvRecord record, int index, List<RowWarning> warnings) {
    String value = AddressCheck.strip(field(record, index));
    if (!CONTROLS.matcher(value).find()) {
      return value;
    }
    warnings.add(
        RowWarning.of(
            WarningCode.CONTROL_CHARACTERS_REPLACED,
            Excerpt.of(mapping.columns().get(index).header(), 100)));
    return CONTROLS.matcher(value).replaceAll(" ").strip();
  }

  /** The custom columns that hold something, stripped; line breaks stay (notes may have them). */
  private SequencedMap<String, String> customFields(CsvRecord record) {
    SequencedMap<String, String> fields = new LinkedHashMap<>();
    for (ColumnMapping.MappedColumn column : mapping.columns()) {
      String value = AddressCheck.strip(field(record, column.number() - 1));
      if (column.role() == ColumnRole.CUSTOM && !value.isEmpty()) {
        fields.put(column.fieldKey(), value);
      }
    }
    return fields;
  }

  /** The field at {@code index}, or "" if the column is absent or the row is shorter. */
  private static String field(CsvRecord record, int index) {
    return index >= 0 && index < record.fields().size() ? record.fields().get(index) : "";
  }

  private RowResult reject(CsvRecord record, Rejection rejection) {
    return new RowResult.Rejected(
        record.line(), rejection, Excerpt.of(record.raw(), limits.excerptChars()));
  }
}
