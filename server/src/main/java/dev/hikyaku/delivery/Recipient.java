package dev.hikyaku.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * One recipient of a send job.
 *
 * @param key the source's key, ascending (a contact id): the expansion cursor
 * @param address the single recipient address
 * @param fields personalisation values, frozen into the queue at expansion
 */
public record Recipient(long key, String address, Map<String, String> fields) {

  public Recipient {
    Objects.requireNonNull(address, "address");
    fields = Map.copyOf(fields);
  }
}
