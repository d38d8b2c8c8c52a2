package dev.hikyaku.delivery.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a server certificate names the server (RFC 6125 §6 as RFC 7817 §3 applies it to SMTP):
 * DNS names of the subjectAltName, with a wildcard only as the whole left-most label and never for
 * a single-label remainder; the subject's CN only if there is no DNS name at all (RFC 6125 §6.4.4);
 * IP addresses only against iPAddress entries.
 */
final class CertificateNames {

  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private CertificateNames() {}

  /** Whether {@code certificate} names {@code serverName} (canonical, see {@link HostNames}). */
  static boolean match(X509Certificate certificate, String serverName) {
    if (HostNames.isIpLiteral(serverName)) {
      return altNames(certificate, IP_ADDRESS).stream().anyMatch(ip -> sameAddress(ip, serverName));
    }
    List<String> dnsNames = altNames(certificate, DNS_NAME);
    if (dnsNames.isEmpty()) {
      return commonNames(certificate).stream().anyMatch(cn -> matches(cn, serverName));
    }
    return dnsNames.stream().anyMatch(dns -> matches(dns, serverName));
  }

  /** The names a certificate presents, for failure messages. */
  static List<String> presented(X509Certificate certificate) {
    List<String> names = new ArrayList<>(altNames(certificate, DNS_NAME));
    names.addAll(altNames(certificate, IP_ADDRESS));
    if (names.isEmpty()) {
      names.addAll(commonNames(certificate));
    }
    return names;
  }

  /** Whether the presented identifier {@code pattern} matches {@code name} (RFC 6125 §6.4). */
  static boolean matches(String pattern, String name) {
    String p = pattern.toLowerCase(Locale.ROOT);
    if (p.endsWith(".")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.startsWith("*.")) {
      return !p.contains("*") && p.equals(name);
    }
    String rest = p.substring(2);
    // RFC 6125 §6.4.3: the wildcard stands for exactly one whole label; refuse "*.com"-like
    // patterns whose remainder is a single label.
    if (rest.contains("*") || !rest.contains(".")) {
      return false;
    }
    int dot = name.indexOf('.');
    return dot > 0 && name.substring(dot + 1).equals(rest);
  }

  private static List<String> altNames(X509Certificate certificate, int type) {
    Collection<List<?>> entries;
    try {
      entries = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of(); // a malformed extension names nothing
    }
    List<String> names = new ArrayList<>();
    if (entries != null) {
      for (List<?> entry : entries) {
        if (entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type) {
          if (entry.get(1) instanceof String value) {
            names.add(value);
          }
        }
      }
    }
    return names;
  }

  private static List<String> commonNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String cn) {
          names.add(cn);
        }
      }
    } catch (InvalidNameException e) {
      return List.of(); // an unparsable subject names nothing
    }
    return names;
  }

  private static boolean sameAddress(String presented, String serverName) {
    try {
      // Both are literals (checked by HostNames.isIpLiteral or given as such), so no DNS lookup.
      return HostNames.isIpLiteral(presented)
          && InetAddress.getByName(presented).equals(InetAddress.getByName(serverName));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
