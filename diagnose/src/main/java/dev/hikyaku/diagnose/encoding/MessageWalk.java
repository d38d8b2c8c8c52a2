package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.Excerpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * Walks one message's MIME structure with mime4j's token stream, handing each header field to
 * {@link HeaderInspector} and the start of each leaf part to {@link PartInspector}.
 */
final class MessageWalk {

  /**
   * RFC 5322 §2.1.1 allows 998 characters a line; these limits only keep hostile input from filling
   * memory (mime4j reads a whole header line before it checks a field's length). Body lines are not
   * limited.
   */
  private static final MimeConfig CONFIG =
      MimeConfig.custom()
          .setStrictParsing(false)
          .setMaxLineLen(256 * 1024)
          .setMaxHeaderLen(1024 * 1024)
          .setMaxHeaderCount(10_000)
          .setMaxContentLen(-1)
          .build();

  /** At most this many header fields with encoded-words or non-ASCII bytes are reported. */
  static final int MAX_HEADERS = 500;

  private final EncodingLimits limits;
  private final List<HeaderText> headers = new ArrayList<>();
  private final List<PartText> parts = new ArrayList<>();
  private final List<EncodingFinding> findings = new ArrayList<>();
  private final List<Field> fields = new ArrayList<>();
  private final Deque<int[]> children = new ArrayDeque<>();
  private final List<Integer> path = new ArrayList<>();
  private boolean topHeaderRead;
  private boolean mimeVersion;
  private boolean mimeFields;

  MessageWalk(EncodingLimits limits) {
    this.limits = limits;
  }

  EncodingReport run(InputStream in) throws IOException {
    BoundedSource source = new BoundedSource(in, limits.maxMessageBytes());
    MimeTokenStream stream = new MimeTokenStream(CONFIG);
    stream.parse(source);
    try {
      for (EntityState state = stream.getState();
          state != EntityState.T_END_OF_STREAM;
          state = stream.next()) {
        if (!step(stream, state)) {
          findings.add(PartProblems.partsTruncated(limits.maxParts()));
          break;
        }
      }
    } catch (MimeException | IOException e) {
      if (source.failure().isPresent()) {
        throw source.failure().get(); // the input could not be read: not the message's fault
      }
      findings.add(PartProblems.unreadable(Excerpt.of(String.valueOf(e.getMessage()), 200)));
    }
    if (source.truncated()) {
      findings.add(PartProblems.messageTruncated(limits.maxMessageBytes()));
    }
    boolean nonAscii =
        parts.stream()
            .anyMatch(p ->
                p.detected().detectedCharset().orElse(null) != DetectedCharset.US_ASCII
                    && p.contentType().startsWith("text/"));
    if (!mimeVersion && (mimeFields || nonAscii)) {
      findings.addFirst(PartProblems.mimeVersionMissing());
    }
    return new EncodingReport(
        mimeVersion, headers, parts, findings, source.count(), source.truncated());
  }

  /** Handles one token; false when the part limit is reached. */
  private boolean step(MimeTokenStream stream, EntityState state) throws IOException {
    switch (state) {
      case T_START_HEADER -> fields.clear();
      case T_FIELD -> field(stream.getField());
      case T_END_HEADER -> {
        if (!topHeaderRead) {
          topHeaderRead = true;
          mimeVersion = first("MIME-Version").isPresent();
          mimeFields =
              first("Content-Type").isPresent() || first("Content-Transfer-Encoding").isPresent();
        }
      }
      case T_START_MULTIPART -> children.push(new int[1]);
      case T_END_MULTIPART -> children.poll();
      case T_START_BODYPART -> path.add(children.isEmpty() ? 1 : ++children.peek()[0]);
      case T_END_BODYPART -> {
        if (!path.isEmpty()) {
          path.removeLast();
        }
      }
      case T_BODY -> {
        return body(stream);
      }
      default -> {}
    }
    return true;
  }

  private void field(Field field) {
    fields.add(field);
    if (headers.size() >= MAX_HEADERS) {
      return;
    }
    String name = Excerpt.of(field.getName(), 80);
    String where = path.isEmpty() ? name : location() + " " + name;
    HeaderInspector.inspect(where, value(field), findings).ifPresent(headers::add);
  }

  private boolean body(MimeTokenStream stream) throws IOException {
    if (parts.size() >= limits.maxParts()) {
      return false;
    }
    InputStream in = stream.getInputStream();
    byte[] prefix = in.readNBytes(limits.partPrefixBytes());
    long total = prefix.length + in.transferTo(OutputStream.nullOutputStream());
    if (total == 0) {
      return true; // nothing to say about an empty part
    }
    String type = stream.getBodyDescriptor().getMimeType().toLowerCase(Locale.ROOT);
    Optional<String> charset =
        first("Content-Type")
            .flatMap(f ->
                RawFieldParser.DEFAULT
                    .parseRawBody(new RawField(f.getName(), f.getBody()))
                    .getParams()
                    .stream()
                    .filter(p -> p.getName().equalsIgnoreCase("charset") && p.getValue() != null)
                    .map(NameValuePair::getValue)
                    .findFirst());
    Optional<String> transfer =
        first("Content-Transfer-Encoding").map(f -> f.getBody().strip()).filter(s -> !s.isEmpty());
    PartInspector.Declared declared =
        new PartInspector.Declared(
            location(),
            type,
            charset.map(c -> Excerpt.of(c, 80)),
            transfer.map(t -> Excerpt.of(t, 80)));
    parts.add(PartInspector.inspect(declared, prefix, total, findings));
    return true;
  }

  private Optional<Field> first(String name) {
    return fields.stream().filter(f -> f.getName().equalsIgnoreCase(name)).findFirst();
  }

  private String location() {
    return path.isEmpty()
        ? "body"
        : "part " + path.stream().map(String::valueOf).collect(Collectors.joining("."));
  }

  /** The field's value as raw bytes, unfolded (RFC 5322 §2.2.3) and without leading blanks. */
  private static byte[] value(Field field) {
    byte[] raw = field.getRaw().toByteArray();
    int colon = 0;
    while (colon < raw.length && raw[colon] != ':') {
      colon++;
    }
    int start = colon + 1;
    while (start < raw.length && (raw[start] == ' ' || raw[start] == '\t')) {
      start++;
    }
    byte[] out = new byte[Math.max(0, raw.length - start)];
    int n = 0;
    for (int i = start; i < raw.length; i++) {
      if (raw[i] != '\r' && raw[i] != '\n') {
        out[n++] = raw[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
