package dev.hikyaku.mailauth.dns;

import java.util.List;

/**
 * The outcome of one DNS query, keeping apart what RFC 7208, 6376 and 9989 treat differently: a
 * name that does not exist, a name with no records of the type, and the two temporary failures.
 *
 * @param <T> the record value type
 */
public sealed interface DnsResult<T> {

  /** The queried name, normalised. */
  String name();

  /** The queried type. */
  RecordType type();

  /** The records, or an empty list for every result but {@link Found}. */
  default List<T> records() {
    return List.of();
  }

  /** Whether the query failed for a reason that may go away: server failure or timeout. */
  default boolean isTemporaryFailure() {
    return this instanceof ServerFailure<T> || this instanceof Timeout<T>;
  }

  /** Whether the name does not exist or has no records of the type (RFC 7208 §4.6.4 "void"). */
  default boolean isVoid() {
    return this instanceof NoSuchDomain<T>
        || this instanceof NoData<T>
        || (this instanceof Found<T> found && found.records().isEmpty());
  }

  /** At least one record of the type exists (the list is never empty). */
  record Found<T>(String name, RecordType type, List<T> records) implements DnsResult<T> {
    public Found {
      records = List.copyOf(records);
    }
  }

  /** NXDOMAIN: the name does not exist. */
  record NoSuchDomain<T>(String name, RecordType type) implements DnsResult<T> {}

  /** The name exists but has no records of the type (NOERROR with an empty answer). */
  record NoData<T>(String name, RecordType type) implements DnsResult<T> {}

  /** SERVFAIL, REFUSED, a malformed answer or a CNAME loop; {@code detail} says which. */
  record ServerFailure<T>(String name, RecordType type, String detail) implements DnsResult<T> {}

  /** No answer within the resolver's timeout. */
  record Timeout<T>(String name, RecordType type) implements DnsResult<T> {}
}
