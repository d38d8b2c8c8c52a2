package dev.hikyaku.audience;

import dev.hikyaku.shared.EmailAddress;

/** The one rule for what an audience accepts as a contact address. */
final class ContactAddresses {

  private ContactAddresses() {}

  /** The address, normalised (domain in lower case); throws a field error when it is none. */
  static String normalise(String text) {
    return new EmailAddress(text == null ? null : text.strip()).value();
  }
}
