/**
 * The DNS port of mailauth: a {@link dev.hikyaku.mailauth.dns.DnsResolver} with distinct results
 * for NXDOMAIN, no data, server failure and timeout, a dnsjava adapter and an in-process zone.
 */
package dev.hikyaku.mailauth.dns;
