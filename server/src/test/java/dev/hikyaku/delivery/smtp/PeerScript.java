package dev.hikyaku.delivery.smtp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ScriptedSmtpPeer} does on each connection, step by step: replies to send, command
 * lines to expect, content to read, and faults (stall, drop, endless line).
 */
public final class PeerScript {

  /** One step; run in order by the peer. */
  sealed interface Step {
    record Reply(List<String> lines) implements Step {}

    record Raw(byte[] bytes) implements Step {}

    record Expect(String prefix) implements Step {}

    record ReadData() implements Step {}

    record ReadOctets(long count) implements Step {}

    record EndlessLine(String prefix) implements Step {}

    record Pause(Duration duration) implements Step {}

    record Stall() implements Step {}

    record Drop() implements Step {}
  }

  private final List<Step> steps = new ArrayList<>();

  PeerScript() {}

  /** Sends reply lines, each given whole ({@code "250-first"}, {@code "250 last"}), with CRLF. */
  public PeerScript reply(String... lines) {
    steps.add(new Step.Reply(List.of(lines)));
    return this;
  }

  /** Sends bytes as they are, e.g. two replies in one segment or a line without CRLF. */
  public PeerScript raw(String bytes) {
    steps.add(new Step.Raw(bytes.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Reads one command line, which must start with {@code prefix} (case-insensitive). */
  public PeerScript expect(String prefix) {
    steps.add(new Step.Expect(prefix));
    return this;
  }

  /** Reads message content up to the end-of-data mark; see {@link ScriptedSmtpPeer#data()}. */
  public PeerScript readData() {
    steps.add(new Step.ReadData());
    return this;
  }

  /** Reads {@code count} octets of whatever comes, e.g. part of the message content. */
  public PeerScript readOctets(long count) {
    steps.add(new Step.ReadOctets(count));
    return this;
  }

  /** Sends {@code prefix} and then a line that never ends (until the client closes, or 64 MiB). */
  public PeerScript endlessLine(String prefix) {
    steps.add(new Step.EndlessLine(prefix));
    return this;
  }

  /** Waits {@code duration} before the next step. */
  public PeerScript pause(Duration duration) {
    steps.add(new Step.Pause(duration));
    return this;
  }

  /** Stops reading and writing, keeping the connection open until the peer is closed. */
  public PeerScript stall() {
    steps.add(new Step.Stall());
    return this;
  }

  /** Closes the connection at once. */
  public PeerScript drop() {
    steps.add(new Step.Drop());
    return this;
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }
}
