package dev.hikyaku.audience;

import dev.hikyaku.audience.importing.ContactAddress;

/**
 * The one rule for what an audience accepts as a contact address: an RFC 5322 address, or one of
 * the old Japanese carrier addresses that break it but are real (see {@link ContactAddress}).
 */
final class ContactAddresses {

  private ContactAddresses() {}

  /** The address, normalised (domain in lower case); throws a field error when it is none. */
  static String normalise(String text) {
    return ContactAddress.of(text == null ? "" : text.strip()).value();
  }
}
