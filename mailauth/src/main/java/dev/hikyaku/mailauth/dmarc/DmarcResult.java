package dev.hikyaku.mailauth.dmarc;

import java.util.Locale;

/** The DMARC result codes registered by RFC 9989 §9.2, named as the RFC names them. */
public enum DmarcResult {
  /** A DMARC Policy Record exists and an Authenticated Identifier is aligned. */
  PASS,
  /** A DMARC Policy Record exists but no Authenticated Identifier is aligned. */
  FAIL,
  /** No DMARC Policy Record exists for the Author Domain. */
  NONE,
  /** A DNS lookup the evaluation needed failed for a reason that may go away. */
  TEMPERROR,
  /** The evaluation cannot complete, e.g. an unusable record or no single Author Domain. */
  PERMERROR;

  /** The RFC name: {@code pass}, {@code fail}, ... */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return rfcName();
  }
}
