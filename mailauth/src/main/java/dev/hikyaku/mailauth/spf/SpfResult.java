package dev.hikyaku.mailauth.spf;

import java.util.Locale;

/** The seven results of SPF's check_host() (RFC 7208 §2.6), named as the RFC names them. */
public enum SpfResult {
  PASS,
  FAIL,
  SOFTFAIL,
  NEUTRAL,
  NONE,
  TEMPERROR,
  PERMERROR;

  /** The RFC name: {@code pass}, {@code softfail}, ... */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return rfcName();
  }
}
