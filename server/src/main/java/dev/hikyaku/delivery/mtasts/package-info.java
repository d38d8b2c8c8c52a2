/**
 * MTA-STS (RFC 8461): discovers a recipient domain's policy (DNS TXT record, then HTTPS), caches it
 * for its {@code max_age}, and says which MX hosts may be used and with which TLS requirement.
 * Plain Java; the delivery routes wire it in.
 */
package dev.hikyaku.delivery.mtasts;
