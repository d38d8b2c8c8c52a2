package dev.hikyaku.mailauth.dkim;

import java.util.Locale;

/** The result of verifying one DKIM signature, with the names of RFC 8601 §2.7.1. */
public enum DkimResult {
  /** The signature verified. */
  PASS,
  /** The signature did not verify (body hash or signature mismatch, revoked key). */
  FAIL,
  /** The signature could not be processed for a reason that is not a failure (reserved). */
  NEUTRAL,
  /** The message was not signed. */
  NONE,
  /** The signature verified but a local policy (e.g. a minimum key size) rejects it. */
  POLICY,
  /** The key could not be fetched because of a temporary DNS failure. */
  TEMPERROR,
  /** The signature or the key record is malformed, or the key is missing. */
  PERMERROR;

  /** The RFC name: {@code pass}, {@code permerror}, ... */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return rfcName();
  }
}
