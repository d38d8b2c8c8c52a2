package dev.hikyaku.audience.importing;

import dev.hikyaku.diagnose.Excerpt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps a header row to column roles: the user's choices first, then the first header that names
 * each role, and every other column as a custom field.
 *
 * <p>Custom field keys are the header text, trimmed. Rather than refuse a file for a header Excel
 * users often leave empty or repeat, such columns get a deterministic key with a note: an empty
 * header in column N becomes {@code column_N}; the second "備考" becomes {@code 備考_2} (the third
 * {@code 備考_3}), skipping keys another header already uses. Headers are the same when they are
 * after NFKC and in lower case.
 */
final class HeaderMapper {

  private HeaderMapper() {}

  /** Maps {@code headers}; throws {@link CsvImportException} if no column holds the address. */
  static ColumnMapping map(List<String> headers, ColumnOverride override) {
    ColumnRole[] roles = new ColumnRole[headers.size()];
    choose(roles, override.address(), ColumnRole.ADDRESS);
    choose(roles, override.name(), ColumnRole.NAME);
    choose(roles, override.company(), ColumnRole.COMPANY);
    List<ColumnMapping.Note> notes = new ArrayList<>();
    for (int i = 0; i < roles.length; i++) {
      Optional<ColumnRole> named = HeaderNames.roleOf(headers.get(i));
      if (roles[i] != null || named.isEmpty() || indexOf(roles, named.get()) >= 0) {
        if (roles[i] == null && named.equals(Optional.of(ColumnRole.ADDRESS))) {
          notes.add(note(ColumnMapping.NoteCode.ANOTHER_ADDRESS_COLUMN, i + 1, headers.get(i)));
        }
        continue;
      }
      roles[i] = named.get();
    }
    if (indexOf(roles, ColumnRole.ADDRESS) < 0) {
      throw noAddress(headers);
    }
    if (indexOf(roles, ColumnRole.NAME) >= 0) {
      // A full-name column wins; family and given names stay as custom fields, so nothing is lost.
      for (int i = 0; i < roles.length; i++) {
        if (roles[i] == ColumnRole.FAMILY_NAME || roles[i] == ColumnRole.GIVEN_NAME) {
          roles[i] = null;
        }
      }
    }
    int family = indexOf(roles, ColumnRole.FAMILY_NAME);
    int given = indexOf(roles, ColumnRole.GIVEN_NAME);
    if (family >= 0 && given >= 0) {
      notes.add(
          note(
              ColumnMapping.NoteCode.NAME_FROM_FAMILY_AND_GIVEN,
              headers.get(family),
              headers.get(given)));
    }
    return new ColumnMapping(columns(headers, roles, notes), notes);
  }

  private static void choose(ColumnRole[] roles, int column, ColumnRole role) {
    if (column == 0) {
      return;
    }
    if (column > roles.length) {
      throw new CsvImportException(
          FileProblem.COLUMN_OUT_OF_RANGE,
          Integer.toString(column),
          Integer.toString(roles.length));
    }
    if (roles[column - 1] != null) {
      throw new CsvImportException(FileProblem.COLUMN_CHOSEN_TWICE, Integer.toString(column));
    }
    roles[column - 1] = role;
  }

  private static int indexOf(ColumnRole[] roles, ColumnRole role) {
    for (int i = 0; i < roles.length; i++) {
      if (roles[i] == role) {
        return i;
      }
    }
    return -1;
  }

  private static CsvImportException noAddress(List<String> headers) {
    for (String header : headers) {
      if (header.contains("@") || header.contains("＠")) {
        return new CsvImportException(FileProblem.HEADER_IS_DATA, Excerpt.of(header, 100));
      }
    }
    String shown =
        headers.stream().limit(20).map(h -> Excerpt.of(h, 40)).collect(Collectors.joining(", "));
    return new CsvImportException(FileProblem.NO_ADDRESS_COLUMN, shown);
  }

  private static List<ColumnMapping.MappedColumn> columns(
      List<String> headers, ColumnRole[] roles, List<ColumnMapping.Note> notes) {
    Set<String> used = new HashSet<>();
    for (int i = 0; i < roles.length; i++) {
      if (roles[i] == null) {
        used.add(HeaderNames.normalize(headers.get(i)));
      }
    }
    Set<String> given = new HashSet<>();
    List<ColumnMapping.MappedColumn> columns = new ArrayList<>();
    for (int i = 0; i < roles.length; i++) {
      String header = headers.get(i);
      if (roles[i] != null) {
        columns.add(new ColumnMapping.MappedColumn(i + 1, header, roles[i], ""));
        continue;
      }
      String key = header.replace("\uFEFF", "").strip();
      if (key.isEmpty()) {
        key = unused("column_" + (i + 1), used);
        notes.add(note(ColumnMapping.NoteCode.EMPTY_HEADER_RENAMED, i + 1, key));
      } else if (!given.add(HeaderNames.normalize(key))) {
        String renamed = unused(key, used);
        notes.add(note(ColumnMapping.NoteCode.DUPLICATE_HEADER_RENAMED, i + 1, key, renamed));
        key = renamed;
      }
      given.add(HeaderNames.normalize(key));
      columns.add(new ColumnMapping.MappedColumn(i + 1, header, ColumnRole.CUSTOM, key));
    }
    return columns;
  }

  /** {@code base} if no header uses it, else {@code base_2}, {@code base_3}... */
  private static String unused(String base, Set<String> used) {
    String key = base;
    for (int n = 2; used.contains(HeaderNames.normalize(key)); n++) {
      key = base + "_" + n;
    }
    used.add(HeaderNames.normalize(key));
    return key;
  }

  private static ColumnMapping.Note note(ColumnMapping.NoteCode code, Object... args) {
    return new ColumnMapping.Note(code, Arrays.stream(args).map(String::valueOf).toList());
  }
}
