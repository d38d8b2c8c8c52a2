package dev.hikyaku.delivery.mtasts;

import dev.hikyaku.mailauth.dns.DnsResult;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The {@code _mta-sts} TXT record of a domain (RFC 8461 §3.1), reduced to what a sender needs. */
final class StsRecord {

  // RFC 8461 §3.1: sts-id = %s"id=" 1*32(ALPHA / DIGIT)
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
  // sts-ext-name "=" sts-ext-value; the value excludes "=", ";", space and controls.
  private static final Pattern EXTENSION =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}=[\\x21-\\x3a\\x3c\\x3e-\\x7e]+");

  private StsRecord() {}

  /** What the TXT lookup says about the domain. */
  sealed interface Lookup {
    /** Exactly one valid STSv1 record, with this {@code id}. */
    record Found(String id) implements Lookup {}

    /** No STSv1 record, several, or an invalid one: the domain does not use MTA-STS. */
    record Absent(String reason) implements Lookup {}

    /** The DNS lookup failed for now. */
    record Failed(String reason) implements Lookup {}
  }

  /** The TXT record name for {@code domain}. */
  static String name(String domain) {
    return "_mta-sts." + domain;
  }

  static Lookup from(String domain, DnsResult<String> txt) {
    if (txt.isTemporaryFailure()) {
      return new Lookup.Failed("the DNS lookup of " + name(domain) + " failed: " + txt);
    }
    // RFC 8461 §3.1: records that do not begin with "v=STSv1;" are discarded; if the number of
    // resulting records is not one, the domain is taken not to implement MTA-STS.
    List<String> sts = txt.records().stream().filter(r -> r.startsWith("v=STSv1;")).toList();
    if (sts.isEmpty()) {
      return new Lookup.Absent(name(domain) + " has no v=STSv1 record");
    }
    if (sts.size() > 1) {
      return new Lookup.Absent(name(domain) + " has " + sts.size() + " v=STSv1 records");
    }
    String id = id(sts.get(0));
    return id == null
        ? new Lookup.Absent(
            "the record at " + name(domain) + " is invalid: " + MxPattern.printable(sts.get(0)))
        : new Lookup.Found(id);
  }

  /** The {@code id} of a syntactically valid record, or null. */
  static String id(String record) {
    Objects.requireNonNull(record, "record");
    String[] fields = record.split(";", -1);
    if (!fields[0].equals("v=STSv1")) {
      return null;
    }
    String id = null;
    for (int i = 1; i < fields.length; i++) {
      String field = fields[i].strip();
      if (field.isEmpty() && i == fields.length - 1) {
        break; // the optional final delimiter
      }
      if (field.startsWith("id=")) {
        if (!ID.matcher(field.substring(3)).matches()) {
          return null;
        }
        id = id == null ? field.substring(3) : id;
      } else if (!EXTENSION.matcher(field).matches()) {
        return null;
      }
    }
    return id;
  }
}
