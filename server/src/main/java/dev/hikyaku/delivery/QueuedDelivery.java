package dev.hikyaku.delivery;

import java.util.Map;

/**
 * A queued message for exactly one recipient, as a {@link SendSource} renders it.
 *
 * @param token the delivery's own token: the VERP return path {@code bounce+<token>@...} and the
 *     unsubscribe links carry it, so bounces and unsubscribes map back to this row
 */
public record QueuedDelivery(
    long id, long jobId, String recipient, String token, Map<String, String> fields) {

  public QueuedDelivery {
    fields = Map.copyOf(fields);
  }
}
