package dev.hikyaku.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A send source for the delivery module's own tests (kind {@value #KIND}): lists of addresses
 * registered by the test, each message a short plain-text mail to one of them. The engine treats it
 * as it treats campaigns and test sends; a test context gets it with {@code @Import}.
 */
public class DrillSource implements SendSource {

  static final String KIND = "drill";

  private final Map<Long, List<String>> lists = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** Registers a list of recipients; returns the source id to start a job with. */
  long list(List<String> addresses) {
    long id = ids.incrementAndGet();
    lists.put(id, List.copyOf(addresses));
    return id;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The recipients after key {@code afterKey}: key i is the list's i-th address (from 1). */
  @Override
  public List<Recipient> recipients(long sourceId, long afterKey, int limit) {
    List<String> all = lists.getOrDefault(sourceId, List.of());
    List<Recipient> batch = new ArrayList<>();
    for (long key = afterKey + 1; key <= all.size() && batch.size() < limit; key++) {
      batch.add(new Recipient(key, all.get((int) key - 1), Map.of()));
    }
    return batch;
  }

  @Override
  public Rendering render(long sourceId, QueuedDelivery delivery) {
    String content =
        "From: drill@hikyaku.test\r\nTo: <"
            + delivery.recipient()
            + ">\r\nSubject: Drill "
            + delivery.id()
            + "\r\n\r\nA delivery drill.\r\n";
    return new Rendering.Ready(
        new RenderedMessage(
            "drill@hikyaku.test",
            delivery.recipient(),
            "Drill " + delivery.id(),
            content.getBytes(StandardCharsets.US_ASCII)));
  }
}
