package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.mailauth.message.HeaderBlock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header fields of the message a report returns, so that the caller can find the campaign, the
 * recipient or its own tracking header in it.
 *
 * @param headers the fields, unfolded, read as UTF-8 (RFC 6532); encoded words are left as they are
 */
public record OriginalMessage(HeaderBlock headers) {

  public OriginalMessage {
    Objects.requireNonNull(headers, "headers");
  }

  /** The fields at the start of {@code message}; empty when there are none. */
  static Optional<OriginalMessage> read(byte[] message, int maxBytes) {
    HeaderBlock headers = HeaderBlock.read(message, maxBytes);
    return headers.fields().isEmpty()
        ? Optional.empty()
        : Optional.of(new OriginalMessage(headers));
  }

  /** The first value of the field {@code name} (any case), stripped; empty if absent or blank. */
  public Optional<String> header(String name) {
    return headers.values(name).stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
  }

  /** Every value of the field {@code name} (any case), in order. */
  public List<String> headerValues(String name) {
    return headers.values(name);
  }

  /** The Message-ID, as written (with its angle brackets). */
  public Optional<String> messageId() {
    return header("Message-ID");
  }
}
