package dev.hikyaku.audience.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the kind of files users upload: Excel CSV in Shift_JIS, UTF-8 with or without BOM. */
final class CsvFiles {

  static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvFiles() {}

  /** {@code lines} joined with CRLF (as Excel writes) and a final CRLF, in {@code charset}. */
  static byte[] crlf(Charset charset, String... lines) {
    return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
  }

  /** The parts, one after another. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  /** A dry run of {@code bytes} with default options and nothing suppressed. */
  static DryRunReport dryRun(byte[] bytes) {
    return ContactCsvReader.dryRun(stream(bytes), ImportOptions.DEFAULTS, SuppressionCheck.NONE);
  }

  /** A dry run of UTF-8 {@code lines}. */
  static DryRunReport dryRun(String... lines) {
    return dryRun(crlf(StandardCharsets.UTF_8, lines));
  }

  /** Every row result of {@code bytes} read with {@code options}. */
  static List<RowResult> rows(byte[] bytes, ImportOptions options) {
    List<RowResult> results = new ArrayList<>();
    try (ContactCsvReader reader =
        ContactCsvReader.open(stream(bytes), options, SuppressionCheck.NONE)) {
      reader.forEachRemaining(results::add);
    }
    return results;
  }

  /** Every row result of UTF-8 {@code lines} read with default options. */
  static List<RowResult> rows(String... lines) {
    return rows(crlf(StandardCharsets.UTF_8, lines), ImportOptions.DEFAULTS);
  }

  /** The imported row of {@code result}, failing if it was rejected. */
  static ImportRow row(RowResult result) {
    return switch (result) {
      case RowResult.Accepted a -> a.row();
      case RowResult.AcceptedWithWarnings w -> w.row();
      case RowResult.Rejected r ->
          throw new AssertionError("line " + r.line() + " rejected: " + r.rejection().english());
    };
  }

  /** The rejection of {@code result}, failing if it was accepted. */
  static RowResult.Rejected rejected(RowResult result) {
    if (result instanceof RowResult.Rejected r) {
      return r;
    }
    throw new AssertionError("line " + result.line() + " accepted: " + result);
  }

  /** The warning codes of an accepted row. */
  static List<WarningCode> warningCodes(RowResult result) {
    return row(result).warnings().stream().map(RowWarning::code).toList();
  }
}
