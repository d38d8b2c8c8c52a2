package dev.hikyaku.delivery.smtp;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the content of a message (header and body, RFC 5322) for one DATA phase. Opened only after
 * the server said 354, read once from start to end, and closed by the session.
 */
@FunctionalInterface
public interface MessageSource {

  /** A fresh stream of the message content. */
  InputStream open() throws IOException;
}
