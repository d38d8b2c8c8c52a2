package dev.hikyaku.mailauth.dns;

/** The DNS record types mailauth looks up. */
public enum RecordType {
  A,
  AAAA,
  MX,
  TXT,
  PTR
}
