package dev.hikyaku.delivery.smtp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A transcript kept as lines prefixed {@code C: } (sent), {@code S: } (received), {@code * }. */
final class RecordingTranscript implements SmtpTranscript {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void line(Direction direction, String line) {
    String prefix =
        switch (direction) {
          case SENT -> "C: ";
          case RECEIVED -> "S: ";
          case NOTE -> "* ";
        };
    lines.add(prefix + line);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines sent by the client, without prefix. */
  List<String> sent() {
    return lines.stream().filter(l -> l.startsWith("C: ")).map(l -> l.substring(3)).toList();
  }

  String all() {
    return String.join("\n", lines);
  }
}
