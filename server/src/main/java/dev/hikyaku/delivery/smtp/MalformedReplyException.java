package dev.hikyaku.delivery.smtp;

import java.io.IOException;

/** The server sent something that is not an SMTP reply, or a reply over our limits. */
final class MalformedReplyException extends IOException {

  MalformedReplyException(String message) {
    super(message);
  }
}
