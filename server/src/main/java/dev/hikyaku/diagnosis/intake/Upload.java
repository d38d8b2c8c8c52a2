package dev.hikyaku.diagnosis.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An attachment as the analyzers read it: a name and a stream that can be opened more than once
 * (each analyzer reads what it needs from the start), so a large upload is streamed from its
 * temporary file rather than held in memory.
 */
interface Upload {

  /** The file name as sent, or {@code pasted}. */
  String name();

  /** A new stream from the start; the caller closes it. */
  InputStream open() throws IOException;

  /** An attachment held in memory (pasted text, or base64 in an API request). */
  static Upload of(String name, byte[] bytes) {
    Objects.requireNonNull(name, "name");
    byte[] copy = bytes.clone();
    return new Upload() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(copy);
      }
    };
  }
}
