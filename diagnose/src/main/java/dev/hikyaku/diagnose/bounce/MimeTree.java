package dev.hikyaku.diagnose.bounce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * Parses a message into {@link MimeNode}s with mime4j's streaming parser, within fixed bounds.
 *
 * <p>Attached messages (message/rfc822) are not parsed recursively: mime4j's recursive mode
 * overflows the stack on a few thousand nested messages, and a report needs only the attached
 * message's header. Multipart nesting beyond {@link #MAX_DEPTH} and entities beyond {@link
 * #MAX_PARTS} are parsed past but not kept.
 */
final class MimeTree extends AbstractContentHandler {

  static final int MAX_DEPTH = 8;
  static final int MAX_PARTS = 64;
  private static final int MAX_WARNINGS = 5;

  /** The parsed root and what the parser had to repair, in its words. */
  record Parsed(MimeNode root, List<String> warnings) {}

  private final Deque<MimeNode> open = new ArrayDeque<>();
  private final List<String> warnings = new ArrayList<>();
  private MimeNode root;
  private int parts;
  private boolean dropped;

  private MimeTree() {}

  /** Parses {@code message}, already cut to the byte limit. */
  static Parsed parse(byte[] message) throws MimeException, IOException {
    MimeTree tree = new MimeTree();
    // Lengths are bounded by the message, which the caller cut; mime4j's own line and header
    // limits would throw on hostile input instead of reading what is there.
    MimeConfig config =
        new MimeConfig.Builder()
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .setStrictParsing(false)
            .build();
    MimeStreamParser parser = new MimeStreamParser(config, tree.monitor(), null);
    parser.setContentDecoding(true);
    parser.setNoRecurse();
    parser.setContentHandler(tree);
    parser.parse(new ByteArrayInputStream(message));
    if (tree.root == null) {
      tree.root = new MimeNode();
    }
    if (tree.dropped) {
      tree.warnings.add(
          "more than " + MAX_PARTS + " parts or deeper than " + MAX_DEPTH + "; the rest ignored");
    }
    return new Parsed(tree.root, List.copyOf(tree.warnings));
  }

  private DecodeMonitor monitor() {
    return new DecodeMonitor() {
      @Override
      public boolean warn(String error, String dropDesc) {
        if (warnings.size() < MAX_WARNINGS && !warnings.contains(error)) {
          warnings.add(error);
        }
        return false;
      }

      @Override
      public boolean isListening() {
        return true;
      }
    };
  }

  @Override
  public void startMessage() {
    MimeNode node = new MimeNode();
    if (root == null) {
      root = node;
    }
    open.push(node);
  }

  @Override
  public void endMessage() {
    open.pop();
  }

  @Override
  public void startBodyPart() {
    MimeNode node = new MimeNode();
    MimeNode parent = open.peek();
    if (parent != null && parts < MAX_PARTS && open.size() < MAX_DEPTH) {
      parent.add(node);
      parts++;
    } else {
      dropped = true;
      node.detach();
    }
    open.push(node);
  }

  @Override
  public void endBodyPart() {
    open.pop();
  }

  @Override
  public void field(Field field) {
    MimeNode node = open.peek();
    if (node == null || node.isDetached()) {
      return;
    }
    String name = field.getName();
    String value = field.getBody() == null ? "" : field.getBody().strip();
    node.addField(name, value);
    if (name.equalsIgnoreCase("Content-Type")) {
      RawBody parsed = RawFieldParser.DEFAULT.parseRawBody(new RawField(name, value));
      Map<String, String> params = new LinkedHashMap<>();
      for (NameValuePair pair : parsed.getParams()) {
        if (pair.getName() != null && pair.getValue() != null) {
          params.putIfAbsent(pair.getName().toLowerCase(Locale.ROOT), pair.getValue());
        }
      }
      node.declare(parsed.getValue() == null ? "" : parsed.getValue(), params);
    }
  }

  @Override
  public void startMultipart(BodyDescriptor descriptor) {
    MimeNode node = open.peek();
    if (node != null) {
      node.type(descriptor.getMimeType(), descriptor.getCharset());
    }
  }

  @Override
  public void body(BodyDescriptor descriptor, InputStream content) throws IOException {
    MimeNode node = open.peek();
    if (node != null && !node.isDetached()) {
      node.type(descriptor.getMimeType(), descriptor.getCharset());
      node.body(content.readAllBytes());
    }
  }
}
