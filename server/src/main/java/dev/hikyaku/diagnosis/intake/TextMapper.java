package dev.hikyaku.diagnosis.intake;

import java.util.function.UnaryOperator;

/**
 * What a report's texts go through when it is redacted: free text one way, Message-IDs another. The
 * header redactor leaves a Message-ID's local part (it is no one's address) and masks only its
 * host; the report's Message-IDs must come out the same as in the header block.
 */
@FunctionalInterface
interface TextMapper extends UnaryOperator<String> {

  /** A Message-ID, with or without angle brackets; by default like any text. */
  default String messageId(String id) {
    return apply(id);
  }
}
