package dev.hikyaku.delivery.shaping;

import java.util.List;

/**
 * The built-in destination groups: Japanese mobile carriers and large mailbox providers.
 *
 * <p>None of these operators publishes its limits, and they change them without notice. The numbers
 * are deliberately conservative starting points, not measured ceilings: a sender with an
 * established reputation raises them through {@code hikyaku.delivery.shaping.groups.<name>.*}. What
 * they encode is what the operators are known to punish:
 *
 * <ul>
 *   <li>The carriers (docomo, au/KDDI, SoftBank) filter "mass mail" by connection count and speed
 *       per sending IP and answer with 421/450 deferrals, then with blocks that last hours to days.
 *       Few connections, a slow steady rate and modest messages per connection keep a sender under
 *       their radar; a block costs far more than a slow send.
 *   <li>The large providers tolerate more but defer with 421 (Gmail 4.7.28, Yahoo TSS04, Outlook
 *       4.7.650 and the like) when a new or bursty sender exceeds its reputation; a few parallel
 *       connections and a steady rate avoid triggering that.
 * </ul>
 *
 * <p>Domains that share one receiving infrastructure share one group and so one budget: sending
 * 60/min to {@code ezweb.ne.jp} and another 60/min to {@code au.com} would be 120/min to the same
 * KDDI servers.
 */
public final class ShapingPresets {

  /** Every domain no group lists: each such domain has a budget of its own. */
  public static final ShapingRule DEFAULT =
      new ShapingRule(ShapingRule.DEFAULT, List.of(), 5, 0, 100);

  private static final List<ShapingRule> GROUPS =
      List.of(
          // NTT docomo's carrier mail.
          ShapingRule.group("docomo", 2, 30, 20, "docomo.ne.jp"),
          // KDDI: ezweb.ne.jp is the historic au address, au.com the current one; same servers.
          ShapingRule.group("au", 2, 30, 20, "ezweb.ne.jp", "au.com"),
          // SoftBank: i.softbank.jp is the iPhone (IMAP) address, softbank.ne.jp the MMS address.
          // Its other brands (Y!mobile, Disney Mobile) are left to the default: not certain they
          // share these servers.
          ShapingRule.group("softbank", 2, 30, 20, "softbank.ne.jp", "i.softbank.jp"),
          ShapingRule.group("gmail", 5, 300, 100, "gmail.com", "googlemail.com"),
          // Microsoft's consumer mail, including its Japanese domains.
          ShapingRule.group(
              "outlook",
              3,
              120,
              30,
              "outlook.com",
              "hotmail.com",
              "live.com",
              "msn.com",
              "outlook.jp",
              "hotmail.co.jp",
              "live.jp"),
          // Yahoo! JAPAN (LY Corporation) runs its own mail, unrelated to Yahoo Inc.'s.
          ShapingRule.group("yahoo-jp", 3, 60, 20, "yahoo.co.jp"),
          // Yahoo Inc.; AOL's mail runs on the same servers (its MX hosts are in yahoodns.net).
          ShapingRule.group(
              "yahoo", 3, 120, 20, "yahoo.com", "ymail.com", "rocketmail.com", "aol.com"),
          ShapingRule.group("icloud", 3, 120, 20, "icloud.com", "me.com", "mac.com"));

  private ShapingPresets() {}

  /** The built-in groups, in a fixed order. */
  public static List<ShapingRule> groups() {
    return GROUPS;
  }
}
