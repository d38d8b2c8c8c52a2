package dev.hikyaku.domains;

import dev.hikyaku.shared.InvalidInputException;

/** No sending domain has this id. */
public class DomainNotFoundException extends InvalidInputException {

  public DomainNotFoundException(long id) {
    super("id", "no-such-domain", "no sending domain " + id);
  }
}
