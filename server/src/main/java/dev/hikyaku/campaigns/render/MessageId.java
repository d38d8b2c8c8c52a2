package dev.hikyaku.campaigns.render;

import dev.hikyaku.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A Message-ID, {@code <left@right>} (RFC 5322 §3.6.4), always held with its angle brackets.
 *
 * @param value the identifier with angle brackets; given without them they are added
 */
public record MessageId(String value) {

  // RFC 5322 §3.6.4: id-left is dot-atom-text, id-right dot-atom-text or a no-fold-literal.
  private static final Pattern SHAPE =
      Pattern.compile(
          "<[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "|\\[[!-Z^-~]*])>");

  public MessageId {
    if (value == null) {
      throw new InvalidInputException("messageId", "required", "a Message-ID is required");
    }
    if (!value.startsWith("<")) {
      value = "<" + value + ">";
    }
    if (value.length() > 250 || !SHAPE.matcher(value).matches()) {
      throw new InvalidInputException(
          "messageId", "message-id", "not a Message-ID (<left@right>): " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
