package dev.hikyaku.audience.importing;

import java.util.List;
import java.util.Objects;

/** What the address cell of a row amounts to. */
sealed interface AddressVerdict {

  /**
   * A usable address.
   *
   * @param address the address to import
   * @param displayName a name written with it ({@code 山田 太郎 <taro@example.jp>}), or ""
   * @param warnings what the user should see about it
   */
  record Valid(ContactAddress address, String displayName, List<RowWarning> warnings)
      implements AddressVerdict {

    public Valid {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(displayName, "displayName");
      warnings = List.copyOf(warnings);
    }
  }

  /** An address that cannot be imported, and why. */
  record Invalid(Rejection rejection) implements AddressVerdict {

    public Invalid {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
