package dev.hikyaku.diagnose.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written sample messages under {@code src/test/resources/bounce/}. */
final class Samples {

  static final BounceParser PARSER = new BounceParser();

  private Samples() {}

  static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/bounce/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static BounceResult parse(String name) {
    return PARSER.parse(bytes(name));
  }

  static BounceResult parseText(String message) {
    return PARSER.parse(message.getBytes(StandardCharsets.UTF_8));
  }

  /** The sample parsed, which must be a delivery status report. */
  static DeliveryStatusReport report(String name) {
    BounceResult result = parse(name);
    if (result instanceof DeliveryStatusReport report) {
      return report;
    }
    throw new AssertionError(name + " gave " + result);
  }
}
