package dev.hikyaku.campaigns.render;

/** The charset a campaign message is written in. */
public enum MessageCharset {
  /**
   * UTF-8: headers as RFC 2047 B encoded-words, bodies as quoted-printable when mostly ASCII and
   * base64 otherwise. Holds every character.
   */
  UTF_8("UTF-8"),
  /**
   * ISO-2022-JP (RFC 1468), which older Japanese mail software and mobile carriers expect: bodies
   * as 7bit JIS (base64 only when a line would pass 998 octets), headers as ISO-2022-JP
   * encoded-words. Holds ASCII and JIS X 0208 only; see {@link MessageComposer#check}.
   */
  ISO_2022_JP("ISO-2022-JP");

  private final String mimeName;

  MessageCharset(String mimeName) {
    this.mimeName = mimeName;
  }

  /** The name in MIME headers and encoded-words (IANA charset registry). */
  public String mimeName() {
    return mimeName;
  }
}
