package dev.hikyaku.audience.importing;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * A code the console translates: {@link #key()} names the message in the bundles, {@code {0}},
 * {@code {1}} in it stand for the arguments that come with the code, and {@link #english} is the
 * default text.
 */
public interface MessageCode {

  /** The message key, such as {@code import.rejected.duplicate-address}. */
  String key();

  /** The English text with {@code {0}}-style placeholders, in {@link MessageFormat} syntax. */
  String englishTemplate();

  /** The English text with {@code args} filled in. */
  default String english(List<String> args) {
    return new MessageFormat(englishTemplate(), Locale.ROOT).format(args.toArray());
  }

  /**
   * The key for {@code constant} under {@code prefix}: {@code DUPLICATE_ADDRESS} → {@code
   * duplicate-address}.
   */
  static String key(String prefix, Enum<?> constant) {
    return prefix + "." + constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
