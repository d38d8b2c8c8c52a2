package dev.hikyaku.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes log entries as CSV or JSON, streaming. CSV cells that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or CR) are prefixed with an apostrophe (OWASP's CSV injection
 * guidance), and every cell is quoted.
 */
@Component
public class AuditExport {

  static final List<String> HEADER =
      List.of(
          "seq",
          "occurred_at",
          "actor",
          "source_ip",
          "action",
          "target",
          "outcome",
          "before",
          "after",
          "prev_hash",
          "hash");

  private final AuditRepository repository;
  private final JsonMapper json;

  AuditExport(AuditRepository repository, JsonMapper json) {
    this.repository = repository;
    this.json = json;
  }

  public void csv(AuditQuery query, Writer out) {
    try {
      out.write('\uFEFF'); // BOM: spreadsheet programs in Japan then read UTF-8 correctly.
      out.write(row(HEADER));
      repository.forEach(
          query,
          e ->
              write(
                  out,
                  row(
                      List.of(
                          Long.toString(e.seq()),
                          e.occurredAt().toString(),
                          e.actor(),
                          e.sourceIp(),
                          e.action(),
                          e.target(),
                          e.outcome(),
                          e.before(),
                          e.after(),
                          e.prevHash(),
                          e.hash()))));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void json(AuditQuery query, Writer out) {
    try {
      out.write("[");
      var first = new boolean[] {true};
      repository.forEach(
          query,
          e -> {
            write(out, (first[0] ? "\n" : ",\n") + json.writeValueAsString(e));
            first[0] = false;
          });
      out.write("\n]\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String row(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(neutralise(cells.get(i)).replace("\"", "\"\"")).append('"');
    }
    return b.append("\r\n").toString();
  }

  static String neutralise(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }

  private static void write(Writer out, String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
