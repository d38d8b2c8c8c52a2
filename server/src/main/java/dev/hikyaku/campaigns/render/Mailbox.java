package dev.hikyaku.campaigns.render;

import dev.hikyaku.shared.EmailAddress;
import java.util.Objects;

/**
 * One address with an optional display name, as in {@code "Yamada Taro" <taro@example.jp>}. The
 * display name is flattened to one line (line breaks and control characters become a space), so a
 * name from an imported list cannot inject a header.
 *
 * @param address the address
 * @param displayName the display name, {@code ""} for none (null is taken as none)
 */
public record Mailbox(EmailAddress address, String displayName) {

  public Mailbox {
    Objects.requireNonNull(address, "address");
    displayName = displayName == null ? "" : HeaderText.flatten(displayName);
  }

  /** A mailbox from an address as typed and a display name (may be null or empty). */
  public static Mailbox of(String address, String displayName) {
    return new Mailbox(new EmailAddress(address), displayName);
  }
}
