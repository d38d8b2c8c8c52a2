package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.mailauth.message.HeaderBlock;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * One entity of a parsed message: its header fields, media type and, for a leaf, its decoded
 * content. Entities inside an attached message are not parsed: the attached message is a leaf.
 */
final class MimeNode {

  private final List<HeaderBlock.Field> fields = new ArrayList<>();
  private final List<MimeNode> children = new ArrayList<>();
  // RFC 2045 §5.2: without a usable Content-Type, text/plain.
  private String mimeType = "text/plain";
  private String charset = "";
  private String declaredType = "";
  private Map<String, String> parameters = Map.of();
  private byte[] body = new byte[0];
  private boolean detached;

  /** Marks this entity as parsed past but not kept, so its content is not stored. */
  void detach() {
    detached = true;
  }

  boolean isDetached() {
    return detached;
  }

  void addField(String name, String value) {
    fields.add(new HeaderBlock.Field(name, value));
  }

  void declare(String type, Map<String, String> params) {
    declaredType = type.toLowerCase(Locale.ROOT);
    parameters = Map.copyOf(params);
  }

  void type(String mime, String charsetName) {
    mimeType = mime == null ? "text/plain" : mime.toLowerCase(Locale.ROOT);
    charset = charsetName == null ? "" : charsetName;
  }

  void body(byte[] content) {
    body = content;
  }

  void add(MimeNode child) {
    children.add(child);
  }

  /** The header fields, in order, unfolded. */
  List<HeaderBlock.Field> fields() {
    return fields;
  }

  /** The first value of field {@code name} (any case). */
  Optional<String> header(String name) {
    for (HeaderBlock.Field field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        return Optional.of(field.value());
      }
    }
    return Optional.empty();
  }

  /** The first value of field {@code name} with RFC 2047 encoded words decoded. */
  Optional<String> decodedHeader(String name) {
    return header(name).map(value -> DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT));
  }

  /** The media type the parser settled on, lower case. */
  String mimeType() {
    return mimeType;
  }

  /** A Content-Type parameter (name in lower case), such as {@code report-type}. */
  Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /**
   * Whether the Content-Type says multipart but the parser could not split it, as happens without a
   * boundary parameter (RFC 2046 §5.1.1 requires one).
   */
  boolean isBrokenMultipart() {
    return declaredType.startsWith("multipart/") && !mimeType.startsWith("multipart/");
  }

  /** The declared media type, lower case, as the Content-Type field wrote it. */
  String declaredType() {
    return declaredType;
  }

  List<MimeNode> children() {
    return children;
  }

  /** The decoded content of a leaf. */
  byte[] body() {
    return body;
  }

  /**
   * The content as text in its charset (UTF-8 when absent or unknown), at most {@code max} chars.
   */
  String text(int max) {
    Charset cs = charset.isEmpty() ? null : CharsetUtil.lookup(charset);
    String text = new String(body, cs == null ? StandardCharsets.UTF_8 : cs);
    return text.length() > max ? text.substring(0, max) : text;
  }

  /** This entity and all below it, depth first, that match {@code test}. */
  List<MimeNode> find(Predicate<MimeNode> test) {
    List<MimeNode> found = new ArrayList<>();
    Deque<MimeNode> todo = new ArrayDeque<>();
    todo.push(this);
    while (!todo.isEmpty()) {
      MimeNode node = todo.pop();
      if (test.test(node)) {
        found.add(node);
      }
      for (int i = node.children.size() - 1; i >= 0; i--) {
        todo.push(node.children.get(i));
      }
    }
    return found;
  }

  /** The first entity, depth first, of one of the media {@code types}. */
  Optional<MimeNode> first(List<String> types) {
    return find(node -> types.contains(node.mimeType)).stream().findFirst();
  }
}
