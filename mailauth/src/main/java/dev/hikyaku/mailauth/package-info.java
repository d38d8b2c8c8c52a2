/**
 * Mail authentication standards: SPF (RFC 7208), DKIM (RFC 6376, RFC 8463), DMARC (RFC 9989) and
 * Authentication-Results (RFC 8601), with a DNS resolver port. No framework dependency.
 */
package dev.hikyaku.mailauth;
