package dev.hikyaku.mailauth.dmarc;

/** Which tag of the DMARC Policy Record gave the policy for a message (RFC 9989 §4.10.1). */
public enum PolicyTag {
  /** The record is the Author Domain's own, or no sp or np applied. */
  P("p"),
  /** The Author Domain is an existing subdomain of the policy domain. */
  SP("sp"),
  /** The Author Domain is a non-existent subdomain of the policy domain. */
  NP("np");

  private final String tagName;

  PolicyTag(String tagName) {
    this.tagName = tagName;
  }

  /** The tag name as it appears in a record: {@code p}, {@code sp} or {@code np}. */
  public String tagName() {
    return tagName;
  }

  @Override
  public String toString() {
    return tagName;
  }
}
