package dev.hikyaku.audience.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a contact CSV file row by row, in bounded memory: detects the encoding and the delimiter,
 * maps the header, and gives one {@link RowResult} per non-blank row after the header.
 *
 * <p>Use it twice for an import: once through {@link #dryRun} for the report, then, after the user
 * confirms, again with {@link ImportOptions#withCharset} set to the dry run's charset, storing the
 * accepted rows in batches. Closing the reader closes the stream. Reading errors are thrown as
 * {@link UncheckedIOException}; a file that cannot be imported at all is refused by {@link #open}
 * with a {@link CsvImportException}.
 */
public final class ContactCsvReader implements Iterator<RowResult>, AutoCloseable {

  private final InputStream in;
  private final DecodedText text;
  private final CsvTokenizer tokenizer;
  private final RowValidator validator;
  private final ImportSource source;
  private RowResult pending;

  private ContactCsvReader(
      InputStream in,
      DecodedText text,
      CsvTokenizer tokenizer,
      RowValidator validator,
      ImportSource source) {
    this.in = in;
    this.text = text;
    this.tokenizer = tokenizer;
    this.validator = validator;
    this.source = source;
  }

  /**
   * Reads the start of {@code in} and its header; throws {@link CsvImportException} if the file has
   * no usable header or no address column.
   */
  public static ContactCsvReader open(
      InputStream in, ImportOptions options, SuppressionCheck suppression) {
    ImportLimits limits = options.limits();
    byte[] prefix;
    try {
      prefix = in.readNBytes(limits.detectionBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EncodingDetector.Detection detection = EncodingDetector.detect(prefix, options.charset());
    Charset charset = detection.encoding().charset();
    int skip = detection.bomLength();
    CsvDialect dialect =
        options
            .delimiter()
            .map(d -> new CsvDialect(d, false))
            .orElseGet(() ->
                new CsvDialect(
                    DialectDetector.detect(new String(prefix, skip, prefix.length - skip, charset)),
                    true));
    InputStream whole =
        new SequenceInputStream(new ByteArrayInputStream(prefix, skip, prefix.length - skip), in);
    DecodedText text =
        new DecodedText(
            whole,
            charset,
            detection.encoding().evidence() == DetectedEncoding.Evidence.ASCII_ONLY);
    CsvTokenizer tokenizer = new CsvTokenizer(text, dialect.delimiter(), limits);
    CsvRecord header = header(tokenizer, text, limits);
    ColumnMapping mapping = HeaderMapper.map(header.fields(), options.columns());
    tokenizer.keepColumns(header.fields().size());
    ImportSource source = new ImportSource(detection.encoding(), dialect, mapping, header.line());
    return new ContactCsvReader(
        in, text, tokenizer, new RowValidator(mapping, options, suppression), source);
  }

  private static CsvRecord header(CsvTokenizer tokenizer, DecodedText text, ImportLimits limits) {
    CsvRecord header = tokenizer.next();
    while (header != null && header.isBlank()) {
      header = tokenizer.next();
    }
    if (header == null) {
      throw new CsvImportException(FileProblem.EMPTY_FILE);
    }
    if (header.undecodable()) {
      throw new CsvImportException(FileProblem.HEADER_UNDECODABLE, text.charset().name());
    }
    if (header.unterminatedQuote()) {
      throw new CsvImportException(FileProblem.HEADER_UNTERMINATED_QUOTE);
    }
    if (header.columns() > limits.maxColumns()) {
      throw new CsvImportException(
          FileProblem.TOO_MANY_COLUMNS,
          Integer.toString(header.columns()),
          Integer.toString(limits.maxColumns()));
    }
    if (header.longField() > 0) {
      throw new CsvImportException(
          FileProblem.HEADER_TOO_LONG,
          Integer.toString(header.longField()),
          Integer.toString(limits.maxFieldChars()));
    }
    return header;
  }

  /**
   * Reads a whole file and reports what an import would do, without importing anything; closes
   * {@code in}.
   */
  public static DryRunReport dryRun(
      InputStream in, ImportOptions options, SuppressionCheck suppression) {
    try (ContactCsvReader reader = open(in, options, suppression)) {
      DryRunReport.Builder report =
          DryRunReport.builder(reader.source(), options.limits().maxListedRows());
      reader.forEachRemaining(report::add);
      return report.build(reader.windows31jFromLine());
    }
  }

  /** How the file is read. */
  public ImportSource source() {
    return source;
  }

  /**
   * The line from which the file was read as windows-31j although it looked like ASCII, and so
   * UTF-8, at first; 0 if that did not happen (so far).
   */
  public long windows31jFromLine() {
    return text.fallbackLine();
  }

  @Override
  public boolean hasNext() {
    while (pending == null) {
      CsvRecord record = tokenizer.next();
      if (record == null) {
        return false;
      }
      if (!record.isBlank()) {
        pending = validator.validate(record, text.charset().name());
      }
    }
    return true;
  }

  @Override
  public RowResult next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowResult result = pending;
    pending = null;
    return result;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
